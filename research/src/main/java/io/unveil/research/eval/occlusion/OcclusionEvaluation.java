package io.unveil.research.eval.occlusion;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.serde.Json;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.align.FaceChips;
import io.unveil.detector.stage.AlignedCropper;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.FaceAssessor;
import io.unveil.inpaint.occlusion.FaceRegions;
import io.unveil.inpaint.occlusion.FaceRegions.Region;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.inpaint.occlusion.OcclusionResult;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.data.AlignedFaceCache;
import io.unveil.research.data.AlignedSample;
import io.unveil.research.occluders.FacePatchSource;
import io.unveil.research.occluders.MaskTextures;
import io.unveil.research.occluders.Occluders;
import io.unveil.research.occluders.PatchSource;
import io.unveil.research.train.occlusion.Grids;
import io.unveil.research.train.occlusion.OcclusionData;
import io.unveil.research.train.occlusion.OcclusionTrainer;
import io.unveil.research.train.occlusion.OcclusionValidation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The estimator's measurements: mean IoU per synthetic occluder type and clean-face false-positive area on VALIDATION
 * identities; on real photos of masked people (detected + aligned with the project's analyzer, largest face per photo)
 * the share of faces whose predicted mask covers at least 70% of the mouth-chin region and at most 10% of the eye
 * region, with a grid of examples; inference time per face at batch 1 and 16.
 */
public final class OcclusionEvaluation {
    /** {@code labels}: hand labels of the masked set's detections (null = the bundled {@link MaskedFaceLabels}). */
    public record Options(Path data, Path masked, Path weights, Path out, Path grid, int perIdentity, int detectorSize,
                          OcclusionEstimator.Options estimator, Path labels) {
        public Options(Path data, Path masked, Path weights, Path out, Path grid, int perIdentity, int detectorSize) {
            this(data, masked, weights, out, grid, perIdentity, detectorSize, OcclusionEstimator.Options.DEFAULT, null);
        }
    }

    public record MaskedResult(int photos, int detected, int passing, double share, double meanMouthChin,
                               double meanEyes, float confidentScore, int confident, int confidentPassing,
                               double confidentShare, int gated, int gatedPassing, double gatedShare,
                               Map<String, Integer> gateRejects, Labelled labelled) {
    }

    /**
     * The same criterion over the detections labelled as masked faces ({@link MaskedFaceLabels}): all of them, those
     * passing the quality gate, and the gated ones of each fixed half (0 = tuning, 1 = held out); plus how many
     * faces labelled unmasked were routed as occluded, and how many detections were labelled, unlabelled, not a face.
     */
    public record Labelled(int labelled, int unlabelled, int masked, int maskedPassing, double maskedShare,
                           int gatedMasked, int gatedMaskedPassing, double gatedMaskedShare, int[] gatedMaskedByHalf,
                           int[] gatedMaskedPassingByHalf, int unmasked, int unmaskedRoutedOccluded, int notAFace) {
    }

    /** Detector score above which a detection counts as confident (secondary figure; the primary uses all). */
    static final float CONFIDENT = 0.7f;

    public record Speed(double msPerFaceBatch1, double msPerFaceBatch16, int threads) {
    }

    private OcclusionEvaluation() {
    }

    public static Map<String, Object> run(Options o, PrintStream console) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (OcclusionEstimator est = o.weights() == null ? OcclusionEstimator.load(o.estimator())
                : OcclusionEstimator.load(o.weights(), o.estimator())) {
            out.put("model", est.model());
            out.put("estimatorOptions", o.estimator());
            if (o.data() != null) {
                String dataset = o.data().toAbsolutePath().normalize().getFileName().toString();
                List<AlignedFace> val = OcclusionTrainer.split(OcclusionData.load(o.data(), o.perIdentity(), o.detectorSize()), dataset).get(1);
                Path textures = o.data().toAbsolutePath().normalize().getParent().resolve("occluders");
                Occluders occ = new Occluders(MaskTextures.load(Files.isDirectory(textures) ? textures : null), PatchSource.NONE);
                // RANDOM_OBJECT patches come from VALIDATION photos' backgrounds (never seen in training)
                occ = occ.withPatches(new FacePatchSource(val.stream().map(AlignedFace::face).toList(),
                        val.stream().map(AlignedFace::landmarks).toList()));
                OcclusionValidation.Report r = OcclusionValidation.evaluateMasks((imgs, lms) ->
                        est.estimate(imgs, lms).stream().map(OcclusionResult::mask).toList(), val, occ, 2024, 16);
                console.print("VALIDATION identities (" + val.stream().map(AlignedFace::identity).distinct().count()
                        + "), " + r.summary());
                out.put("validation", r);
                out.put("validationIdentities", val.stream().map(AlignedFace::identity).distinct().count());
            }
            if (o.masked() != null) {
                MaskedFaceLabels labels = o.labels() == null ? MaskedFaceLabels.bundled() : MaskedFaceLabels.load(o.labels());
                MaskedResult m = masked(est, o.masked(), labels, o.grid(), console);
                out.put("maskedFaces", m);
            }
            Speed s = speed(est);
            console.printf("inference: %.1f ms/face at batch 1, %.1f ms/face at batch 16 (%d torch threads)%n",
                    s.msPerFaceBatch1(), s.msPerFaceBatch16(), s.threads());
            out.put("speed", s);
        }
        if (o.out() != null) {
            Files.createDirectories(o.out().toAbsolutePath().getParent());
            Files.writeString(o.out(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        }
        return out;
    }

    static MaskedResult masked(OcclusionEstimator est, Path maskedSet, MaskedFaceLabels labels, Path grid,
                               PrintStream console) throws IOException {
        AlignedFaceCache cache = AlignedFaceCache.build(maskedSet);
        List<AlignedFace> faces = OcclusionData.read(cache);
        int photos = faces.size() + cache.failures().size();
        String[] gateRejects = gateRejects(cache, console);
        Map<String, Integer> rejects = new java.util.TreeMap<>();
        for (String r : gateRejects) if (r != null) rejects.merge(r, 1, Integer::sum);
        int pass = 0, conf = 0, confPass = 0, gated = 0, gatedPass = 0;
        List<Integer> gatedIdx = new ArrayList<>(), gatedFailed = new ArrayList<>();
        int failMissed = 0, failPartial = 0, failEyes = 0;
        int labelled = 0, masked = 0, maskedPass = 0, gatedMasked = 0, gatedMaskedPass = 0, unmasked = 0, unmaskedRouted = 0,
                notFace = 0;
        int[] byHalf = new int[2], passByHalf = new int[2];
        List<Integer> maskedFailed = new ArrayList<>();
        double mc = 0, ey = 0;
        List<RgbImage> tiles = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) order.add(i);
        Collections.shuffle(order, new java.util.Random(48));
        List<Integer> pick = order.subList(0, Math.min(48, order.size()));
        for (int from = 0; from < faces.size(); from += 16) {
            List<AlignedFace> part = faces.subList(from, Math.min(faces.size(), from + 16));
            List<OcclusionResult> rs = est.estimate(part.stream().map(AlignedFace::face).toList(),
                    part.stream().map(AlignedFace::landmarks).toList());
            for (int k = 0; k < rs.size(); k++) {
                AlignedFace f = part.get(k);
                FaceRegions regions = new FaceRegions(f.landmarks(), 128, 128);
                double mouthChin = regions.coverage(Region.MOUTH_CHIN, rs.get(k).mask());
                double eyes = regions.coverage(Region.EYES, rs.get(k).mask());
                mc += mouthChin;
                ey += eyes;
                boolean ok = mouthChin >= 0.7 && eyes <= 0.1;
                if (ok) pass++;
                if (gateRejects[from + k] == null) {
                    gated++;
                    gatedIdx.add(from + k);
                    if (ok) gatedPass++;
                    else {
                        gatedFailed.add(from + k);
                        if (eyes > 0.1) failEyes++;
                        else if (mouthChin < 0.3) failMissed++;
                        else failPartial++;
                    }
                }
                MaskedFaceLabels.Label label = labels.of(f.source());
                if (label != null) labelled++;
                if (label == MaskedFaceLabels.Label.NOT_A_FACE) notFace++;
                if (label == MaskedFaceLabels.Label.UNMASKED) {
                    unmasked++;
                    if (rs.get(k).occluded()) unmaskedRouted++;
                }
                if (label == MaskedFaceLabels.Label.MASKED) {
                    masked++;
                    if (ok) maskedPass++;
                    if (gateRejects[from + k] == null) {
                        int h = MaskedFaceLabels.half(f.source());
                        gatedMasked++;
                        byHalf[h]++;
                        if (ok) {
                            gatedMaskedPass++;
                            passByHalf[h]++;
                        } else {
                            maskedFailed.add(from + k);
                        }
                    }
                }
                if (cache.samples().get(from + k).score() >= CONFIDENT) {
                    conf++;
                    if (ok) confPass++;
                }
            }
        }
        for (int i : pick) {
            AlignedFace f = faces.get(i);
            OcclusionResult r = est.estimate(List.of(f.face()), Collections.singletonList(f.landmarks())).get(0);
            tiles.add(Grids.overlay(f.face(), r.mask()));
        }
        if (grid != null && !tiles.isEmpty()) Grids.write(grid, tiles, 8);
        if (grid != null && !gatedIdx.isEmpty()) {
            Collections.shuffle(gatedIdx, new java.util.Random(48));
            List<RgbImage> gatedTiles = new ArrayList<>();
            for (int i : gatedIdx.subList(0, Math.min(48, gatedIdx.size()))) {
                AlignedFace f = faces.get(i);
                gatedTiles.add(Grids.overlay(f.face(), est.estimate(List.of(f.face()), Collections.singletonList(f.landmarks())).get(0).mask()));
            }
            String name = grid.getFileName().toString().replaceFirst("\\.png$", "");
            Grids.write(grid.resolveSibling(name + "-quality-gated.png"), gatedTiles, 8);
            List<RgbImage> failTiles = new ArrayList<>();
            for (int i : gatedFailed.subList(0, Math.min(48, gatedFailed.size()))) {
                AlignedFace f = faces.get(i);
                failTiles.add(Grids.overlay(f.face(), est.estimate(List.of(f.face()), Collections.singletonList(f.landmarks())).get(0).mask()));
            }
            if (!failTiles.isEmpty()) Grids.write(grid.resolveSibling(name + "-quality-gated-failures.png"), failTiles, 8);
            List<RgbImage> maskedFailTiles = new ArrayList<>();
            for (int i : maskedFailed.subList(0, Math.min(48, maskedFailed.size()))) {
                AlignedFace f = faces.get(i);
                maskedFailTiles.add(Grids.overlay(f.face(), est.estimate(List.of(f.face()), Collections.singletonList(f.landmarks())).get(0).mask()));
            }
            if (!maskedFailTiles.isEmpty())
                Grids.write(grid.resolveSibling(name + "-quality-gated-masked-failures.png"), maskedFailTiles, 8);
        }
        int n = faces.size();
        MaskedResult m = new MaskedResult(photos, n, pass, n == 0 ? 0 : pass / (double) n, n == 0 ? 0 : mc / n,
                n == 0 ? 0 : ey / n, CONFIDENT, conf, confPass, conf == 0 ? 0 : confPass / (double) conf, gated,
                gatedPass, gated == 0 ? 0 : gatedPass / (double) gated, rejects,
                labelled == 0 ? null : new Labelled(labelled, n - labelled, masked, maskedPass, share(maskedPass, masked),
                        gatedMasked, gatedMaskedPass, share(gatedMaskedPass, gatedMasked), byHalf, passByHalf, unmasked,
                        unmaskedRouted, notFace));
        console.printf("masked faces: %d photos, %d faces detected+aligned, %d (%.1f%%) with mask >= 70%% of mouth-chin and <= 10%% of eyes "
                + "(mean mouth-chin coverage %.3f, eyes %.3f); detector score >= %.1f: %d of %d (%.1f%%)%n", photos, n, pass,
                100 * m.share(), m.meanMouthChin(), m.meanEyes(), CONFIDENT, confPass, conf, 100 * m.confidentShare());
        console.printf("masked faces passing the detector stage's quality gate (what the occlusion stage receives): %d of %d "
                + "(rejected: %s); %d (%.1f%%) with mask >= 70%% of mouth-chin and <= 10%% of eyes%n", gated, n, rejects,
                gatedPass, 100 * m.gatedShare());
        console.printf("failures among them: %d cover > 10%% of the eyes, %d cover < 30%% of mouth-chin (mask missed, or no mask), "
                + "%d cover 30-70%% of mouth-chin%n", failEyes, failMissed, failPartial);
        Labelled l = m.labelled();
        if (l != null) {
            console.printf("labelled detections: %d (%d unlabelled): %d masked, %d unmasked, %d not a face%n", l.labelled(),
                    l.unlabelled(), l.masked(), l.unmasked(), l.notAFace());
            console.printf("masked faces (labelled): %d of %d (%.1f%%) pass; passing the quality gate: %d of %d (%.1f%%) pass "
                            + "[tuning half %d/%d, held-out half %d/%d (%.1f%%)]%n", l.maskedPassing(), l.masked(),
                    100 * l.maskedShare(), l.gatedMaskedPassing(), l.gatedMasked(), 100 * l.gatedMaskedShare(),
                    l.gatedMaskedPassingByHalf()[0], l.gatedMaskedByHalf()[0], l.gatedMaskedPassingByHalf()[1],
                    l.gatedMaskedByHalf()[1], 100 * share(l.gatedMaskedPassingByHalf()[1], l.gatedMaskedByHalf()[1]));
            console.printf("unmasked faces (labelled) routed as occluded: %d of %d%n", l.unmaskedRoutedOccluded(), l.unmasked());
        }
        return m;
    }

    private static double share(int k, int n) {
        return n == 0 ? 0 : k / (double) n;
    }

    /**
     * For every cached face, whether the detector stage would pass it on: the photo is detected again with the
     * stage's defaults, the largest face (the cache's choice) is assessed by {@link FaceAssessor} (size, alignment,
     * head pose, sharpness). Returns the reject reason per face, null where the face passes.
     */
    static String[] gateRejects(AlignedFaceCache cache, PrintStream console) {
        DetectorConfig config = DetectorConfig.defaults();
        FaceAssessor assessor = new FaceAssessor(config, AlignedCropper.INSTANCE);
        List<AlignedSample> samples = cache.samples();
        String[] reasons = new String[samples.size()];
        try (FaceApiAnalyzer analyzer = FaceApiAnalyzer.load()) {
            for (int i = 0; i < samples.size(); i++) {
                RgbImage img = Images.read(samples.get(i).sourceFile());
                DetectedFace face = FaceChips.largestFace(analyzer.detect(img).stream()
                        .filter(f -> f.score() >= config.minScore() && f.landmarks() != null).toList());
                if (face == null) {
                    reasons[i] = "below-min-score";
                } else {
                    FaceAssessor.Assessment a = assessor.assess(img, face);
                    reasons[i] = a.reject();
                }
                if ((i + 1) % 50 == 0 || i + 1 == samples.size())
                    console.printf("\rquality gate: %d/%d faces", i + 1, samples.size());
            }
            console.println();
        }
        return reasons;
    }

    static Speed speed(OcclusionEstimator est) {
        SplittableRandom rng = new SplittableRandom(1);
        List<RgbImage> batch = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] d = new byte[128 * 128 * 3];
            for (int k = 0; k < d.length; k++) d[k] = (byte) rng.nextInt(256);
            batch.add(new RgbImage(128, 128, d));
        }
        List<RgbImage> one = batch.subList(0, 1);
        for (int i = 0; i < 5; i++) est.probabilities(one);
        int n1 = 40;
        long t0 = System.nanoTime();
        for (int i = 0; i < n1; i++) est.probabilities(one);
        double b1 = (System.nanoTime() - t0) / 1e6 / n1;
        for (int i = 0; i < 2; i++) est.probabilities(batch);
        int n16 = 10;
        t0 = System.nanoTime();
        for (int i = 0; i < n16; i++) est.probabilities(batch);
        double b16 = (System.nanoTime() - t0) / 1e6 / n16 / 16;
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        return new Speed(b1, b16, threads);
    }


}
