package io.unveil.gallery.recognize;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.Occlusion;
import io.unveil.core.record.OcclusionRegion;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.align.FaceChips;
import io.unveil.inpaint.stage.OcclusionStep;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.match.CentroidMatcher;
import io.unveil.recognize.match.Match;
import io.unveil.recognize.match.ProbeCondition;
import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who is on a photo ({@code POST /api/v1/recognize}, CompreFace's "test page"): every face the gallery's detector finds
 * (the largest {@link #MAX_FACES}), aligned and embedded as enrollment does, matched against the enrolled centroids in
 * the recognizer's space (its calibrated threshold and centre), so a photo is named as the camera pipeline would name a
 * single frame of it. A photo the gallery's detector finds no face in goes to its fallback detector, as in enrollment.
 *
 * <p>With an occlusion step (the inpaint role's estimator), each face is also judged as the camera pipeline judges it
 * with {@code inpaint.repair=false}: the estimator on the aligned FACE_128 face; an occluded face is an OCCLUDED probe,
 * held to the calibration's occluded thresholds and compared with the occlusion-matched centroid of its region too
 * (when {@code recognize.occlusion-centroids} is on). Without it a masked face was held to the plain threshold against
 * plain centroids only, so the page could call a masked person unknown whom a camera names. The centroid matrix is
 * rebuilt only when the gallery changed (ids, versions and size).
 */
public final class PhotoRecognizer {
    /** Faces per photo at most (as {@code detector.max-faces}): each costs a landmark pass and an embedding. */
    public static final int MAX_FACES = 20;

    /**
     * One face: where, the detector's score, the closest identity (null when the gallery is empty), and whether it is a
     * match; how it was judged: {@code condition} "plain" or "occluded", the occluded {@code region} (null when plain
     * or elsewhere), the {@code threshold} it was held to and the {@code centroid} compared ("plain" or the region's).
     */
    public record Found(Box box, float score, String identityId, String name, float similarity, boolean known,
                        String condition, String region, float threshold, String centroid) {
    }

    private final FaceChips chips;
    /** Asked only for a photo {@link #chips} finds no face in (as enrollment does); null: none. */
    private final FaceChips fallback;
    private final Embedder embedder;
    private final ThresholdSchedule schedule;
    private final float[] center;
    /** The occlusion estimator on the aligned face; null: every face is a plain probe. */
    private final OcclusionStep occlusion;
    private final boolean matchRegions;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, CentroidMatcher.EMPTY);

    private record Cached(long fingerprint, CentroidMatcher matcher) {
    }

    public PhotoRecognizer(FaceChips chips, Embedder embedder, float threshold, float[] center) {
        this(chips, embedder, ThresholdSchedule.fixed(Thresholds.uniform(threshold)), center);
    }

    /** @param schedule the recognizer's thresholds; a photo is a plain probe, held to the plain one for the gallery's size */
    public PhotoRecognizer(FaceChips chips, Embedder embedder, ThresholdSchedule schedule, float[] center) {
        this(chips, null, embedder, schedule, center);
    }

    /**
     * @param fallback the gallery's fallback detector ({@code gallery.fallback-detector}), asked only for a photo
     *                 {@code chips} finds no face in, so a masked face the enrollment detector misses is still found
     *                 (TinyFaceDetector found 84 of 225 masked faces where YuNet found 221); null: none
     */
    public PhotoRecognizer(FaceChips chips, FaceChips fallback, Embedder embedder, ThresholdSchedule schedule, float[] center) {
        this(chips, fallback, embedder, schedule, center, null, false);
    }

    /**
     * @param occlusion    the occlusion estimator (as the inpaint role runs it); null: every face is judged plain
     * @param matchRegions compare an occluded face with the occlusion-matched centroid of its region too
     *                     ({@code recognize.occlusion-centroids}; the calibration must have those thresholds)
     */
    public PhotoRecognizer(FaceChips chips, FaceChips fallback, Embedder embedder, ThresholdSchedule schedule, float[] center,
                           OcclusionStep occlusion, boolean matchRegions) {
        this.occlusion = occlusion;
        this.matchRegions = matchRegions;
        this.chips = chips;
        this.fallback = fallback;
        this.embedder = embedder;
        this.schedule = schedule;
        this.center = center;
    }

    /** The plain threshold of the calibration (a gallery of few identities; see {@link #threshold(int)}). */
    public float threshold() {
        return schedule.base().plain();
    }

    /** The plain threshold a gallery of {@code identities} is held to ({@code recognize.visit-far}). */
    public float threshold(int identities) {
        return schedule.at(identities).plain();
    }

    /** The plain threshold {@link #recognize} holds a photo to with this gallery: that of the identities it matches. */
    public float threshold(List<GalleryEntry> gallery) {
        return threshold(matcher(gallery).size());
    }

    /** The faces of {@code image}, largest first, each matched against {@code gallery}. */
    public List<Found> recognize(RgbImage image, List<GalleryEntry> gallery) {
        FaceChips by = chips;
        List<DetectedFace> faces = new ArrayList<>(chips.detect(image));
        if (faces.isEmpty() && fallback != null) {
            by = fallback;
            faces.addAll(by.detect(image));
        }
        faces.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
        if (faces.size() > MAX_FACES) faces = faces.subList(0, MAX_FACES);
        if (faces.isEmpty()) return List.of();
        FaceChips aligner = by;
        List<RgbImage> aligned = faces.stream().map(f -> aligner.align(image, f)).toList();
        float[][] emb = embedder.embed(aligned);
        CentroidMatcher matcher = matcher(gallery);
        float threshold = threshold(matcher.size());
        List<Found> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            DetectedFace f = faces.get(i);
            ProbeCondition condition = condition(image, f);
            String cond = condition.condition().key(), region = condition.region() == null ? null : condition.region().key();
            Match m = matcher.match(emb[i], condition);
            float t = Float.isNaN(m.threshold()) ? threshold : m.threshold();
            String centroid = m.centroid() == null ? "plain" : m.centroid();
            out.add(m.isEmpty() ? new Found(f.box(), f.score(), null, null, 0f, false, cond, region, t, null)
                    : new Found(f.box(), f.score(), m.identityId(), m.name(), m.similarity(), m.similarity() >= t, cond, region, t, centroid));
        }
        return out;
    }

    /** PLAIN, or OCCLUDED with the region the estimator finds on the face aligned as the detect stage aligns it. */
    ProbeCondition condition(RgbImage image, DetectedFace f) {
        if (occlusion == null || f.landmarks() == null || f.landmarks().length != 136) return ProbeCondition.PLAIN;
        RgbImage aligned = FaceAligner.align(image, f.landmarks(), AlignTarget.FACE_128).image();
        Occlusion o = occlusion.estimate(aligned, f.landmarks());
        return o == null || !o.occluded() ? ProbeCondition.PLAIN
                : new ProbeCondition(ProbeCondition.Condition.OCCLUDED, OcclusionRegion.of(o));
    }

    private CentroidMatcher matcher(List<GalleryEntry> gallery) {
        long fp = gallery.size(); // a sum: the same gallery listed in another order is the same gallery
        for (GalleryEntry e : gallery) fp += (e.id().hashCode() * 0x9E3779B97F4A7C15L) ^ (e.version() * 0xC2B2AE3D27D4EB4FL);
        Cached c = cached;
        if (c.fingerprint() != fp) {
            CentroidMatcher m = CentroidMatcher.of(gallery, center, schedule.base(), matchRegions);
            c = new Cached(fp, m.withThresholds(schedule.at(m.size())));
            cached = c;
        }
        return c.matcher();
    }
}
