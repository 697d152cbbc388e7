package io.unveil.research.calibrate;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.OcclusionRegion;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.align.FaceChips;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.inpaint.FaceInpainter;
import io.unveil.inpaint.occlusion.SyntheticOccluder;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.calibrate.CalibrationResult;
import io.unveil.recognize.calibrate.ConditionCalibration;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.eval.detection.DetectionEvaluation;
import io.unveil.research.eval.detection.OccludedPhoto;
import io.unveil.research.occluders.Occluded;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code unveil calibrate --data DIR --far 1e-3}: embeds every image of a labelled set (largest face, aligned chip),
 * scores probes against identity centroids and writes the threshold for the target FAR as a calibration JSON file,
 * one threshold per probe condition, all for the same FAR:
 * <ul>
 * <li>plain: the photo as it is, against plain centroids;</li>
 * <li>occluded: the photo with an occluder of the research library ({@link #PROBE_OCCLUDERS}: medical mask, cloth mask
 * or sunglasses, seeded per photo) against plain centroids;</li>
 * <li>repaired: that occluded photo after the inpainter (ID-GAN) filled the occluder's pixels, against plain centroids;</li>
 * <li>occluded-matched / repaired-matched: the same probes against the centroids of the identity's photos with the
 * runtime's fixed occluder on the probe's region ({@link SyntheticOccluder}, what the gallery stores).</li>
 * </ul>
 * The repaired probe is repaired with the occluder's exact mask, not the occlusion estimator's (the estimator's misses
 * would mix its error into the threshold); the live test measures both together.
 */
public final class Calibrate {
    /** Occluders drawn on the probes of the occluded conditions; a mask covers the lower face, sunglasses the eyes. */
    static final List<OccluderType> PROBE_OCCLUDERS = List.of(OccluderType.MEDICAL_MASK, OccluderType.CLOTH_MASK, OccluderType.SUNGLASSES);

    /**
     * @param force write the calibration even when the set has too few impostor scores for {@code far} (with a warning)
     * @param model the {@code recognize.model} name the file is for
     */
    public record Options(Path data, double far, Path out, int maxPerIdentity, Set<String> excludeIdentities, boolean force,
                          String model, long seed, Path descriptors) {
    }

    /** One photo's descriptors in every condition (repaired null without an inpainter). */
    record Photo(float[] plain, float[] occluded, float[] repaired, OcclusionRegion region, float[] lower, float[] eyes,
                 float[] harmonized) {
        float[] synthetic(OcclusionRegion r) {
            return r == OcclusionRegion.LOWER ? lower : eyes;
        }
    }

    private final FaceChips chips;
    private final Embedder embedder;
    private final FaceInpainter inpainter;
    private final PrintStream progress;
    /** Non-null: occluded probes are made the live way ({@link #realigned}); see {@link #withLiveDetector}. */
    private YuNetAnalyzer live;
    private int realignedFound, realignedLost;

    /** @param inpainter fills the occluded probes of the repaired conditions (null: those are not calibrated) */
    public Calibrate(FaceChips chips, Embedder embedder, FaceInpainter inpainter, PrintStream progress) {
        this.chips = chips;
        this.embedder = embedder;
        this.inpainter = inpainter;
        this.progress = progress;
    }

    /**
     * Occluded probes the live way: the occluder drawn into the photo ({@link OccludedPhoto}), the face found again by
     * {@code detector} (the detect stage's YuNet + landmark net) and aligned from the landmarks found, instead of the
     * occluder drawn on the chip aligned from the clean face. A probe whose face is not found again keeps the chip-drawn
     * occluder (counted). Not with an inpainter: the occluder's mask is not known in the re-aligned chip.
     */
    public Calibrate withLiveDetector(YuNetAnalyzer detector) {
        if (detector != null && inpainter != null)
            throw new IllegalArgumentException("re-aligned probes have no exact occluder mask to repair: use --no-repaired with --realigned");
        this.live = detector;
        return this;
    }

    public CalibrationResult run(Options o) {
        LabeledImages set = LabeledImages.load(o.data());
        Map<String, List<Photo>> byId = new LinkedHashMap<>();
        int done = 0, noFace = 0, unreadable = 0;
        Map<String, List<Path>> groups = set.byIdentity();
        int total = groups.entrySet().stream().filter(g -> o.excludeIdentities() == null || !o.excludeIdentities().contains(g.getKey()))
                .mapToInt(g -> Math.min(g.getValue().size(), o.maxPerIdentity())).sum();
        for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
            if (o.excludeIdentities() != null && o.excludeIdentities().contains(g.getKey())) continue;
            List<FaceChips.Chip> batch = new ArrayList<>();
            List<RgbImage> images = new ArrayList<>();
            for (Path p : g.getValue().subList(0, Math.min(g.getValue().size(), o.maxPerIdentity()))) {
                done++;
                try {
                    RgbImage image = Images.read(p);
                    FaceChips.Chip c = chips.largest(image);
                    if (c == null) noFace++;
                    else {
                        batch.add(c);
                        images.add(image);
                    }
                } catch (ImageDecodeException e) {
                    unreadable++;
                }
                if (progress != null && done % 50 == 0) progress.printf("calibrate: %d/%d images%n", done, total);
            }
            if (batch.isEmpty()) continue;
            byId.put(g.getKey(), photos(g.getKey(), batch, images, o.seed(), o.descriptors() != null));
        }
        if (progress != null)
            progress.printf("calibrate: %d identities, %d images without a face, %d unreadable%n", byId.size(), noFace, unreadable);
        if (progress != null && live != null)
            progress.printf("calibrate: occluded probes re-aligned the live way: %d found again, %d not (those keep the chip-drawn occluder)%n",
                    realignedFound, realignedLost);
        if (o.descriptors() != null) writeDescriptors(byId, o.descriptors());
        Map<String, List<float[]>> plain = column(byId, Photo::plain);
        Calibration.Scores plainScores = Calibration.scores(plain);
        float[] center = plainScores.center();
        Map<String, Calibration.Scores> scores = new LinkedHashMap<>();
        scores.put(CalibrationResult.PLAIN, plainScores);
        scores.put(CalibrationResult.OCCLUDED, Calibration.scores(plain, column(byId, Photo::occluded), center));
        scores.put(CalibrationResult.OCCLUDED_MATCHED, matched(byId, Photo::occluded, center));
        if (inpainter != null) {
            scores.put(CalibrationResult.REPAIRED, Calibration.scores(plain, column(byId, Photo::repaired), center));
            scores.put(CalibrationResult.REPAIRED_MATCHED, matched(byId, Photo::repaired, center));
        }
        for (Map.Entry<String, Calibration.Scores> e : scores.entrySet()) {
            String tooFew = Calibration.tooFewImpostors(e.getValue(), o.far());
            if (tooFew != null && !o.force()) throw new IllegalArgumentException(e.getKey() + ": " + tooFew + "; nothing written (--force writes it anyway)");
            if (tooFew != null && progress != null) progress.println("WARNING (--force): " + e.getKey() + ": " + tooFew);
        }
        Map<String, ConditionCalibration> conditions = new LinkedHashMap<>();
        for (Map.Entry<String, Calibration.Scores> e : scores.entrySet())
            conditions.put(e.getKey(), condition(Calibration.pick(e.getValue(), o.far()), probes(e.getKey(), inpainter == null ? null : inpainter.model()),
                    Calibration.curve(e.getValue(), o.far())));
        CalibrationResult r = Calibration.pick(plainScores, o.far()).withSource(o.data().toString(), embedder.modelVersion())
                .withConditions(o.model(), conditions);
        if (progress != null) {
            // the runtime accepts an occluded probe when either of its two comparisons clears its threshold: the FAR of
            // that decision is the union's, measured here on the same scores
            progress.println("calibrate: occluded probes, the runtime's decision (plain or occlusion-matched centroid): "
                    + OccludedDecision.report(OccludedDecision.pairs(byId, Photo::occluded, center),
                    conditions.get(CalibrationResult.OCCLUDED).threshold(), conditions.get(CalibrationResult.OCCLUDED_MATCHED).threshold(),
                    o.far(), center));
            if (inpainter != null)
                progress.println("calibrate: repaired probes, the runtime's decision (plain or occlusion-matched centroid): "
                        + OccludedDecision.report(OccludedDecision.pairs(byId, Photo::repaired, center),
                        conditions.get(CalibrationResult.REPAIRED).threshold(), conditions.get(CalibrationResult.REPAIRED_MATCHED).threshold(),
                        o.far(), center));
        }
        if (o.out() != null) r.write(o.out());
        return r;
    }

    /**
     * Descriptors of one identity's photos in every condition, in one embedding batch.
     *
     * @param harmonize also embed the harmonized probe (only --descriptors writes it: the thresholds do not use it)
     */
    List<Photo> photos(String identity, List<FaceChips.Chip> faces, List<RgbImage> images, long seed, boolean harmonize) {
        if (live != null) harmonize = false; // the harmonized probe is drawn with the clean chip's landmarks
        int n = faces.size();
        List<RgbImage> plain = new ArrayList<>(), occluded = new ArrayList<>(), lower = new ArrayList<>(), eyes = new ArrayList<>(),
                harmonized = new ArrayList<>();
        List<byte[]> masks = new ArrayList<>();
        OcclusionRegion[] regions = new OcclusionRegion[n];
        for (int k = 0; k < n; k++) {
            FaceChips.Chip c = faces.get(k);
            float[] lm = FaceAligner.alignedLandmarks(c.face().landmarks(), AlignTarget.CHIP_150);
            long s = seed * 1_000_003L + (identity.hashCode() * 31L + k);
            OccluderType type = PROBE_OCCLUDERS.get(new SplittableRandom(s).nextInt(PROBE_OCCLUDERS.size()));
            Occluded occ = Occluders.apply(c.chip(), lm, type, s);
            regions[k] = type == OccluderType.SUNGLASSES ? OcclusionRegion.EYES : OcclusionRegion.LOWER;
            plain.add(c.chip());
            RgbImage realigned = live == null ? null : realigned(images.get(k), c.face().landmarks(), type, s);
            occluded.add(realigned != null ? realigned : occ.image());
            masks.add(occ.mask());
            lower.add(SyntheticOccluder.draw(c.chip(), lm, OcclusionRegion.LOWER).image());
            eyes.add(SyntheticOccluder.draw(c.chip(), lm, OcclusionRegion.EYES).image());
            if (harmonize) harmonized.add(SyntheticOccluder.draw(occ.image(), lm, regions[k]).image());
        }
        List<RgbImage> batch = new ArrayList<>(plain);
        batch.addAll(occluded);
        batch.addAll(lower);
        batch.addAll(eyes);
        if (inpainter != null) batch.addAll(repair(occluded, masks));
        int h = batch.size();
        batch.addAll(harmonized);
        float[][] emb = embedder.embed(batch);
        List<Photo> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++)
            out.add(new Photo(emb[k], emb[n + k], inpainter == null ? null : emb[4 * n + k], regions[k], emb[2 * n + k], emb[3 * n + k],
                    harmonize ? emb[h + k] : null));
        return out;
    }

    /** The photo with the occluder drawn into it, as the detect stage finds and aligns it; null when not found again. */
    private RgbImage realigned(RgbImage photo, float[] landmarks68, OccluderType type, long seed) {
        RgbImage drawn = OccludedPhoto.draw(photo, landmarks68, type, seed);
        YuNetAnalyzer.Analysis a = DetectionEvaluation.matched(live.analyze(drawn), landmarks68);
        if (a == null) {
            realignedLost++;
            return null;
        }
        realignedFound++;
        return FaceAligner.align(drawn, a.landmarks68(), AlignTarget.CHIP_150).image();
    }

    /**
     * Every photo's descriptors as CSV ({@code identity,photo,condition,region,d0..d127}; conditions plain, occluded,
     * repaired, lower, eyes, and harmonized: the occluded probe with the runtime's synthetic occluder of its region drawn
     * over its own; region of the probe's occluder): the raw material of the thresholds, for analyses of score
     * normalisation outside the runtime.
     */
    static void writeDescriptors(Map<String, List<Photo>> byId, Path file) {
        StringBuilder b = new StringBuilder();
        int dim = byId.values().iterator().next().get(0).plain().length;
        b.append("identity,photo,condition,region");
        for (int d = 0; d < dim; d++) b.append(",d").append(d);
        b.append('\n');
        byId.forEach((id, photos) -> {
            for (int k = 0; k < photos.size(); k++) {
                Photo p = photos.get(k);
                String[] names = {"plain", "occluded", "repaired", "lower", "eyes", "harmonized"};
                float[][] rows = {p.plain(), p.occluded(), p.repaired(), p.lower(), p.eyes(), p.harmonized()};
                for (int c = 0; c < names.length; c++) {
                    if (rows[c] == null) continue;
                    b.append(id).append(',').append(k).append(',').append(names[c]).append(',').append(p.region());
                    for (float v : rows[c]) b.append(',').append(v);
                    b.append('\n');
                }
            }
        });
        try {
            java.nio.file.Files.writeString(file, b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The occluded chips as the inpaint stage repairs them: at 128 px (FACE_128), back to the 150 px chip. */
    private List<RgbImage> repair(List<RgbImage> occluded, List<byte[]> masks) {
        List<RgbImage> faces = new ArrayList<>();
        List<float[]> holes = new ArrayList<>();
        for (int k = 0; k < occluded.size(); k++) {
            RgbImage chip = occluded.get(k);
            faces.add(Images.resize(chip, 128, 128));
            holes.add(downsample(masks.get(k), chip.width(), chip.height(), 128));
        }
        List<RgbImage> repaired = inpainter.repair(faces, holes);
        return repaired.stream().map(r -> Images.resize(r, 150, 150)).toList();
    }

    /** A w x h mask (non-zero = hole) as size x size floats in {0,1}: a pixel is a hole when any source pixel under it is. */
    static float[] downsample(byte[] mask, int w, int h, int size) {
        float[] out = new float[size * size];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (mask[y * w + x] != 0) out[(y * size / h) * size + x * size / w] = 1f;
        return out;
    }

    /** Probes against the synthetic-occluder centroids of their own region: one score set per region, joined. */
    private static Calibration.Scores matched(Map<String, List<Photo>> byId, java.util.function.Function<Photo, float[]> probe, float[] center) {
        List<Calibration.Scores> parts = new ArrayList<>();
        for (OcclusionRegion r : OcclusionRegion.values()) {
            Map<String, List<float[]>> probes = column(byId, p -> p.region() == r ? probe.apply(p) : null);
            if (probes.values().stream().flatMap(List::stream).noneMatch(java.util.Objects::nonNull)) continue;
            parts.add(Calibration.scores(column(byId, p -> p.synthetic(r)), probes, center));
        }
        return Calibration.concat(parts);
    }

    private static Map<String, List<float[]>> column(Map<String, List<Photo>> byId, java.util.function.Function<Photo, float[]> f) {
        Map<String, List<float[]>> out = new LinkedHashMap<>();
        byId.forEach((id, photos) -> out.put(id, new ArrayList<>(photos.stream().map(f).toList())));
        return out;
    }

    private static ConditionCalibration condition(CalibrationResult r, String probes, List<ConditionCalibration.FarPoint> curve) {
        return new ConditionCalibration(r.threshold(), r.far(), r.frr(), r.genuinePairs(), r.impostorPairs(), r.genuineMedian(),
                r.impostorMedian(), probes, curve);
    }

    private static String probes(String condition, String generator) {
        String by = generator == null ? "the inpainter" : generator;
        String occ = "probe with " + String.join("/", PROBE_OCCLUDERS.stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toList());
        return switch (condition) {
            case CalibrationResult.PLAIN -> "plain probe vs plain centroids";
            case CalibrationResult.OCCLUDED -> occ + " vs plain centroids";
            case CalibrationResult.REPAIRED -> occ + ", repaired by " + by + " with the occluder's mask, vs plain centroids";
            case CalibrationResult.OCCLUDED_MATCHED -> occ + " vs the centroids of the photos with the runtime's occluder on the same region";
            case CalibrationResult.REPAIRED_MATCHED -> occ + ", repaired by " + by + ", vs the centroids of the photos with the runtime's occluder on the same region";
            default -> condition;
        };
    }

    public static String describe(Map<String, ConditionCalibration> conditions) {
        StringBuilder b = new StringBuilder();
        conditions.forEach((k, c) -> {
            b.append(String.format(java.util.Locale.ROOT, "  %-17s threshold %.4f: FAR %.2e, TAR %.3f (%d genuine, %d impostor; medians %.3f / %.3f)%n",
                    k, c.threshold(), c.far(), c.tar(), c.genuinePairs(), c.impostorPairs(), c.genuineMedian(), c.impostorMedian()));
            if (c.curve() != null && c.curve().size() > 1) {
                b.append("  ").append(" ".repeat(17)).append(" lower FARs:");
                for (ConditionCalibration.FarPoint p : c.curve().subList(1, c.curve().size()))
                    b.append(String.format(java.util.Locale.ROOT, " %.0e -> %.4f (TAR %.3f)", p.far(), p.threshold(), p.tar()));
                b.append(String.format("%n"));
            }
        });
        return b.toString();
    }
}
