package io.unveil.gallery.enroll;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.OcclusionRegion;
import io.unveil.core.record.Quality;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.inpaint.occlusion.SyntheticOccluder;
import io.unveil.recognize.match.Vectors;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import io.unveil.detector.DetectedFace;
import io.unveil.recognize.Embedder;
import io.unveil.detector.align.FaceChips;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns enrollment images into an identity centroid: detect, align the recognizer chip, quality-gate each image with a
 * reason (no face, several faces, tiny, blurry, profile), embed the survivors in one batch and take the robust mean.
 * With an existing entry, the new descriptors are merged into its centroid (adding images updates it).
 *
 * <p>Occlusion-matched centroids (on by default): each accepted photo is also embedded with the fixed synthetic
 * occluders of {@link SyntheticOccluder} (a mask over the lower face, sunglasses), and the mean of those descriptors
 * over the same photos the robust mean kept is stored per region, so the recognizer can compare a masked face with
 * masked photos of the person. Costs three embeddings per photo instead of one. With {@code realignedLower} the mask
 * is drawn into the photo instead and the face found and aligned again by the enrollment's detector and landmark net,
 * as the camera pipeline finds a masked face (the landmark net squeezes a masked face towards the mask's edge, so the
 * probe is aligned unlike a mask drawn on an aligned chip); a face not found again falls back to the chip. One more
 * detection per photo.
 * Thread-safe when the analyzer and embedder are.
 */
public final class Enroller {
    private final FaceChips chips;
    private final Embedder embedder;
    private final EnrollmentPolicy policy;
    private final boolean occludedCentroids;
    private final boolean realignedLower;
    /** Asked only for a photo {@link #chips} finds no face in, padded retry included; null: none. */
    private final FaceChips fallback;
    /** Least overlap of the face found again in the masked photo with the face found in the photo. */
    static final float SAME_FACE_IOU = 0.3f;

    public Enroller(FaceChips chips, Embedder embedder, EnrollmentPolicy policy) {
        this(chips, embedder, policy, true);
    }

    /** @param occludedCentroids also store the occlusion-matched centroids (see the class comment) */
    public Enroller(FaceChips chips, Embedder embedder, EnrollmentPolicy policy, boolean occludedCentroids) {
        this(chips, embedder, policy, occludedCentroids, false);
    }

    /** @param realignedLower the LOWER centroid from masked photos found and aligned again (see the class comment) */
    public Enroller(FaceChips chips, Embedder embedder, EnrollmentPolicy policy, boolean occludedCentroids, boolean realignedLower) {
        this(chips, embedder, policy, occludedCentroids, realignedLower, null);
    }

    /**
     * @param fallback a second face finder, asked only for a photo {@code chips} finds no face in (padded retry
     *                 included), so every photo {@code chips} finds is enrolled as without it; null: none
     */
    public Enroller(FaceChips chips, Embedder embedder, EnrollmentPolicy policy, boolean occludedCentroids, boolean realignedLower,
                    FaceChips fallback) {
        this.chips = chips;
        this.embedder = embedder;
        this.policy = policy;
        this.occludedCentroids = occludedCentroids;
        this.realignedLower = realignedLower;
        this.fallback = fallback;
    }

    public EnrollmentPolicy policy() {
        return policy;
    }

    /** The second face finder, asked only where the first finds no face; null when there is none. */
    public FaceChips fallback() {
        return fallback;
    }

    public String modelVersion() {
        return embedder.modelVersion();
    }

    /** One image to enroll; {@code image} null means it could not be decoded ({@code decodeError} says why). */
    public record Input(String source, RgbImage image, String decodeError) {
    }

    /**
     * A face that passed the gate, ready to embed, with its 68 landmarks in the chip's pixels (null when unknown) and,
     * when made, its chip with the LOWER occluder drawn into the photo and aligned again (null: drawn on the chip).
     */
    public record Candidate(String source, RgbImage chip, Quality quality, float[] chipLandmarks, RgbImage lowerSeen) {
        public Candidate(String source, RgbImage chip, Quality quality, float[] chipLandmarks) {
            this(source, chip, quality, chipLandmarks, null);
        }
    }

    /** Quality gate of one image; returns the candidate or adds the rejection to {@code outcomes}. */
    public Candidate gate(Input in, List<ImageOutcome> outcomes) {
        if (in.image() == null) {
            outcomes.add(ImageOutcome.rejected(in.source(), "not an image", in.decodeError(), null));
            return null;
        }
        FaceChips by = chips;
        Found found = detect(chips, in.image());
        if (found.faces().isEmpty() && fallback != null) {
            // TinyFaceDetector misses faces YuNet finds (one enrolled person of 60 in the live test): ask the fallback
            // only here, so every photo the first detector finds is enrolled as before
            by = fallback;
            found = detect(fallback, in.image());
        }
        RgbImage image = found.image();
        List<DetectedFace> faces = found.faces();
        if (faces.isEmpty()) {
            outcomes.add(ImageOutcome.rejected(in.source(), "no face", "no face was detected", null));
            return null;
        }
        List<DetectedFace> bySize = new ArrayList<>(faces);
        bySize.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
        DetectedFace face = bySize.get(0);
        if (bySize.size() > 1 && bySize.get(1).box().area() >= policy.severalFaces() * face.box().area()) {
            outcomes.add(ImageOutcome.rejected(in.source(), "several faces", bySize.size()
                    + " faces of similar size; use an image showing only the person to enroll", null));
            return null;
        }
        return gateFace(in.source(), image, face, outcomes, by);
    }

    /** The faces one detector finds in a photo, and the image they were found in (the photo, or it padded). */
    private record Found(RgbImage image, List<DetectedFace> faces) {
    }

    private static Found detect(FaceChips chips, RgbImage photo) {
        List<DetectedFace> faces = chips.detect(photo);
        if (!faces.isEmpty()) return new Found(photo, faces);
        // a tightly cropped portrait (ID photo) leaves the detector no margin: retry once with one
        RgbImage padded = Images.padReplicate(photo, Math.max(photo.width(), photo.height()) / 4);
        return new Found(padded, chips.detect(padded));
    }

    /** Size, sharpness and pose gate of one chosen face. */
    public Candidate gateFace(String source, RgbImage image, DetectedFace face, List<ImageOutcome> outcomes) {
        return gateFace(source, image, face, outcomes, chips);
    }

    /** {@link #gateFace(String, RgbImage, DetectedFace, List)} of a face {@code chips} found (the fallback's, say). */
    public Candidate gateFace(String source, RgbImage image, DetectedFace face, List<ImageOutcome> outcomes, FaceChips chips) {
        RgbImage chip = chips.align(image, face);
        Quality q = FaceQuality.of(face.box(), face.landmarks(), chip);
        if (q.sizePx() < policy.minFacePx()) {
            outcomes.add(ImageOutcome.rejected(source, "tiny", String.format(Locale.ROOT,
                    "face is %.0f px, at least %.0f px needed", q.sizePx(), policy.minFacePx()), q));
            return null;
        }
        if (q.sharpness() < policy.minSharpness()) {
            outcomes.add(ImageOutcome.rejected(source, "blurry", String.format(Locale.ROOT,
                    "sharpness %.1f below %.1f", q.sharpness(), policy.minSharpness()), q));
            return null;
        }
        if (Math.abs(q.yawDeg()) > policy.maxYawDeg()) {
            outcomes.add(ImageOutcome.rejected(source, "profile", String.format(Locale.ROOT,
                    "head turned %.0f degrees, at most %.0f allowed", q.yawDeg(), policy.maxYawDeg()), q));
            return null;
        }
        float[] lm = face.landmarks() == null || face.landmarks().length != 136 ? null
                : FaceAligner.alignedLandmarks(face.landmarks(), AlignTarget.CHIP_150);
        return new Candidate(source, chip, q, lm, lm != null && occludedCentroids && realignedLower ? lowerSeen(image, face, chips) : null);
    }

    /**
     * The LOWER occluder drawn into the photo on the face's landmarks, the face found again (the detection that overlaps
     * it most, IoU at least {@link #SAME_FACE_IOU}) and aligned by its own landmarks; null when it is not found again.
     */
    static RgbImage lowerSeen(RgbImage image, DetectedFace face, FaceChips chips) {
        RgbImage masked = SyntheticOccluder.draw(image, face.landmarks(), OcclusionRegion.LOWER).image();
        DetectedFace again = null;
        float best = SAME_FACE_IOU;
        for (DetectedFace f : chips.detect(masked)) {
            float iou = f.box().iou(face.box());
            if (iou >= best && f.landmarks() != null && f.landmarks().length == 136) {
                best = iou;
                again = f;
            }
        }
        return again == null ? null : chips.align(masked, again);
    }

    /**
     * A face that is already aligned (a FACE_128 image such as an event's thumbnail) as a candidate, ungated: the
     * detector finds no face in such a tight crop (the 6 demo thumbnails tried: none), and it needs none, since a
     * FACE_128 resized to 150x150 is a recognizer chip (AlignTarget). Size, blur and pose were gated by the camera
     * pipeline that made it; the photo gate's sharpness floor (20 on the chip) refused 3 of those 6 thumbnails, whose
     * upsampling to 150 px softens them. The outlier check of {@link #merge} still applies.
     */
    public Candidate gateAligned(Input in, List<ImageOutcome> outcomes) {
        if (in.image() == null) {
            outcomes.add(ImageOutcome.rejected(in.source(), "not an image", in.decodeError(), null));
            return null;
        }
        RgbImage chip = Images.resize(in.image(), 150, 150);
        float sharp = FaceQuality.sharpness(chip);
        return new Candidate(in.source(), chip, new Quality(in.image().width(), sharp, 0f, 0f, 0f, FaceQuality.clamp(sharp / 150f)), null);
    }

    /** {@link #prepare(List)} for aligned faces ({@link #gateAligned}). */
    public Prepared prepareAligned(List<Input> inputs) {
        List<ImageOutcome> outcomes = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Input in : inputs) {
            Candidate c = gateAligned(in, outcomes);
            if (c != null) candidates.add(c);
        }
        return prepare(candidates, outcomes);
    }

    /**
     * Gated and embedded faces of one request, not yet merged into an identity: the slow part of an enrollment, done
     * before the identity is locked so that concurrent requests on one identity only serialise the merge.
     */
    public record Prepared(List<Candidate> candidates, float[][] embeddings, List<ImageOutcome> outcomes,
                           Map<OcclusionRegion, float[][]> occludedEmbeddings) {
    }

    /** Enrolls images into a new identity ({@code existing} null) or into an existing one. */
    public EnrollmentResult enroll(List<Input> inputs, GalleryEntry existing) {
        return merge(prepare(inputs), existing);
    }

    /** Quality gate and embedding of each image. */
    public Prepared prepare(List<Input> inputs) {
        if (inputs.size() > policy.maxImages())
            throw new IllegalArgumentException("at most " + policy.maxImages() + " images per request, got " + inputs.size());
        List<ImageOutcome> outcomes = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Input in : inputs) {
            Candidate c = gate(in, outcomes);
            if (c != null) candidates.add(c);
        }
        return prepare(candidates, outcomes);
    }

    /** Embeds gated candidates (outcomes so far are carried along). */
    public Prepared prepare(List<Candidate> candidates, List<ImageOutcome> outcomes) {
        boolean occlude = occludedCentroids && !candidates.isEmpty() && candidates.stream().allMatch(c -> c.chipLandmarks() != null);
        List<RgbImage> batch = new ArrayList<>(candidates.stream().map(Candidate::chip).toList());
        if (occlude)
            for (OcclusionRegion region : OcclusionRegion.values())
                for (Candidate c : candidates)
                    batch.add(region == OcclusionRegion.LOWER && c.lowerSeen() != null ? c.lowerSeen()
                            : SyntheticOccluder.draw(c.chip(), c.chipLandmarks(), region).image());
        float[][] all = batch.isEmpty() ? new float[0][] : embedder.embed(batch);
        int n = candidates.size();
        Map<OcclusionRegion, float[][]> occluded = new EnumMap<>(OcclusionRegion.class);
        if (occlude)
            for (OcclusionRegion region : OcclusionRegion.values())
                occluded.put(region, Arrays.copyOfRange(all, n * (1 + region.ordinal()), n * (2 + region.ordinal())));
        return new Prepared(List.copyOf(candidates), Arrays.copyOf(all, n), List.copyOf(outcomes), occluded);
    }

    public EnrollmentResult embedAndMerge(List<Candidate> candidates, List<ImageOutcome> outcomes, GalleryEntry existing) {
        return merge(prepare(candidates, outcomes), existing);
    }

    /** Merges prepared descriptors into {@code existing} (null: a new identity); cheap, no model call. */
    public EnrollmentResult merge(Prepared p, GalleryEntry existing) {
        List<Candidate> candidates = p.candidates();
        List<ImageOutcome> outcomes = new ArrayList<>(p.outcomes());
        if (candidates.isEmpty()) {
            return new EnrollmentResult(existing == null ? null : existing.centroid(), existing == null ? 0 : existing.count(),
                    0, existing == null ? 0f : existing.meanQuality(), outcomes, existing == null ? null : existing.occludedCentroids());
        }
        float[][] emb = p.embeddings();
        RobustMean.Result r = RobustMean.of(List.of(emb), policy.outlierCos(), policy.trimFraction(),
                existing == null ? null : existing.centroid(), existing == null ? 0 : existing.count());
        double qSum = existing == null ? 0 : (double) existing.meanQuality() * existing.count();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (r.dropped()[i] == null) {
                qSum += c.quality().score();
                outcomes.add(new ImageOutcome(c.source(), "accepted", null, null, c.quality()));
            } else {
                outcomes.add(new ImageOutcome(c.source(), "outlier", r.dropped()[i], String.format(Locale.ROOT,
                        "cosine %.3f to the identity's centroid (bound %.2f)", r.similarity()[i], policy.outlierCos()), c.quality()));
            }
        }
        float meanQ = r.count() == 0 ? 0f : (float) (qSum / r.count());
        return new EnrollmentResult(r.centroid(), r.count(), r.kept().size(), meanQ, outcomes, occludedCentroids(p, r, existing));
    }

    /**
     * Per region, the mean of the occluded descriptors of the photos the robust mean kept, merged with the entry's own
     * weighted by its count. An entry enrolled before these centroids existed gets them from the new photos alone.
     * Null when the request's photos were not embedded occluded (off, or a face without landmarks).
     */
    static Map<String, float[]> occludedCentroids(Prepared p, RobustMean.Result r, GalleryEntry existing) {
        if (p.occludedEmbeddings().isEmpty() || r.kept().isEmpty())
            return existing == null ? null : existing.occludedCentroids();
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<OcclusionRegion, float[][]> e : p.occludedEmbeddings().entrySet()) {
            float[][] emb = e.getValue();
            float[] sum = new float[emb[0].length];
            int count = 0;
            float[] old = existing == null ? null : existing.occludedCentroid(e.getKey());
            if (old != null && old.length == sum.length && existing.count() > 0) {
                Vectors.addScaled(sum, old, existing.count());
                count = existing.count();
            }
            for (int i : r.kept()) Vectors.addScaled(sum, emb[i], 1f);
            count += r.kept().size();
            for (int k = 0; k < sum.length; k++) sum[k] /= count;
            out.put(e.getKey().key(), sum);
        }
        return out;
    }
}
