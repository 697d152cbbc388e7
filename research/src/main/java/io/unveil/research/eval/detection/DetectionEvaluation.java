package io.unveil.research.eval.detection;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.serde.Json;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.faceapi.TinyFaceDetector;
import io.unveil.detector.stage.AlignedCropper;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.FaceAssessor;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.detector.yunet.YuNetDetector;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.occluders.OccluderType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code unveil eval detection}: detection recall of each detector ({@link Candidates}) on VALIDATION photos of a
 * labelled set, plain and with each synthetic occluder drawn on the photo ({@link OccludedPhoto}); landmark and
 * alignment error on those faces against the landmarks of the unmasked original, for today's pipeline and YuNet's;
 * the quality gate's reject reasons per condition; false detections on crops without faces ({@link NoFaceCrops}); faces
 * found in real masked photos and how many are masked faces ({@link RealMaskedFaces}); speed ({@link DetectorSpeed}).
 */
public final class DetectionEvaluation {
    /** {@code detectors}: the detectors compared on recall, false detections and real photos (all when empty). */
    /**
     * {@code landmarks}: a second 68-point net (a weight file of {@code unveil train landmarks}, or "masked" for the
     * bundled one) measured beside face-api's on YuNet's boxes; null = face-api's only. {@code identities}: which
     * VALIDATION identities ({@link IdentitySplit.Subset#VALIDATION} = all).
     */
    public record Options(Path data, Path masked, Path out, int perIdentity, Path yunetModels, int calibrate,
                          List<String> detectors, String landmarks, IdentitySplit.Subset identities) {
        public Options(Path data, Path masked, Path out, int perIdentity, Path yunetModels, int calibrate, List<String> detectors) {
            this(data, masked, out, perIdentity, yunetModels, calibrate, detectors, null, IdentitySplit.Subset.VALIDATION);
        }
    }

    static final OccluderType[] OCCLUDERS = {OccluderType.MEDICAL_MASK, OccluderType.CLOTH_MASK, OccluderType.SUNGLASSES,
            OccluderType.HAND};
    static final String PLAIN = "plain";
    /** Alignment methods compared on each matched face. */
    static final String TODAY = "tiny-416 + 68 points", YUNET_68 = "yunet (face-api box) + 68 points: the yunet pipeline", YUNET_5 = "yunet 5 points", YUNET_EYES = "yunet eyes",
            YUNET_UPPER = "yunet + 68 points, eyes+nose only", YUNET_TUNED = "yunet + fine-tuned 68 points (--landmarks)";

    private DetectionEvaluation() {
    }

    /** A photo with its face's ground-truth landmarks (68 points on the unmasked photo). */
    record Truth(Path file, RgbImage photo, float[] landmarks) {
    }

    public static Map<String, Object> run(Options o, PrintStream console) throws IOException {
        Files.createDirectories(o.out());
        Map<String, Object> results = new LinkedHashMap<>();
        TinyFaceDetector tiny416 = TinyFaceDetector.load();
        FaceLandmark68Net lmNet = FaceLandmark68Net.load();
        FaceApiAnalyzer today = new FaceApiAnalyzer(tiny416, lmNet);
        YuNetDetector yunet = YuNetDetector.load(YuNetDetector.DEFAULT_SCORE_THRESHOLD);
        YuNetAnalyzer yuAnalyzer = new YuNetAnalyzer(yunet, lmNet);
        YuNetAnalyzer tuned = o.landmarks() == null ? null : new YuNetAnalyzer(yunet, FaceLandmark68Net.named(o.landmarks()));
        try (Candidates candidates = new Candidates(tiny416, yunet, o.yunetModels())) {
            if (o.calibrate() > 0 && o.data() != null)
                results.put("yunetTemplate", calibrate(o, today, yuAnalyzer, console));
            Map<String, Function<RgbImage, List<Box>>> compared = new LinkedHashMap<>(candidates.all());
            if (!o.detectors().isEmpty()) compared.keySet().retainAll(o.detectors());
            if (o.data() != null) {
                List<Truth> truths = truths(o, today, yuAnalyzer, console);
                results.put("synthetic", synthetic(truths, compared, today, yuAnalyzer, tuned, o.out(), console));
                results.put("noFace", NoFaceCrops.measure(truths, compared, console));
            }
            if (o.masked() != null) {
                results.put("realMasked", RealMaskedFaces.measure(o.masked(), compared, o.out(), console));
                results.put("speed", DetectorSpeed.measure(o.masked(), candidates.all(), today, yuAnalyzer, console));
            }
        } finally {
            today.close(); // closes tiny416 and the landmark net
            if (tuned != null) tuned.close(); // closes yunet and the fine-tuned net
            else yunet.close();
        }
        Files.writeString(o.out().resolve("results.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        return results;
    }

    /** Photos of VALIDATION identities (the first perIdentity of each), with the landmarks of their largest face. */
    static List<Truth> truths(Options o, FaceApiAnalyzer today, YuNetAnalyzer yu, PrintStream console) {
        String dataset = o.data().getFileName().toString();
        return photos(o.data(), id -> o.identities().contains(dataset, id), o.identities().describe(), o.perIdentity(),
                today, yu, console);
    }

    static List<Truth> photos(Path data, IdentitySplit.Part part, int perIdentity, FaceApiAnalyzer today, YuNetAnalyzer yu,
                              PrintStream console) {
        String dataset = data.getFileName().toString();
        return photos(data, id -> IdentitySplit.of(dataset, id) == part, part.name(), perIdentity, today, yu, console);
    }

    static List<Truth> photos(Path data, java.util.function.Predicate<String> identities, String which, int perIdentity,
                              FaceApiAnalyzer today, YuNetAnalyzer yu, PrintStream console) {
        String dataset = data.getFileName().toString();
        List<Truth> out = new ArrayList<>();
        int none = 0;
        for (Map.Entry<String, List<Path>> e : LabeledImages.load(data).byIdentity().entrySet()) {
            if (!identities.test(e.getKey())) continue;
            for (Path f : e.getValue().subList(0, Math.min(perIdentity, e.getValue().size()))) {
                RgbImage img = Images.read(f);
                float[] lm = groundTruth(img, today, yu);
                if (lm == null) none++;
                else out.add(new Truth(f, img, lm));
            }
        }
        console.printf("%s %s: %d photos with a face (%d where neither tiny-416 nor yunet found one)%n", dataset, which,
                out.size(), none);
        return out;
    }

    /** 68 landmarks of the largest face on the unmasked photo: today's detector, else YuNet's box; null if neither. */
    public static float[] groundTruth(RgbImage img, FaceApiAnalyzer today, YuNetAnalyzer yu) {
        DetectedFace f = today.detect(img).stream().max(Comparator.comparingDouble(d -> d.box().area())).orElse(null);
        if (f != null) return f.landmarks();
        return yu.analyze(img).stream().filter(a -> a.landmarks68() != null)
                .max(Comparator.comparingDouble(a -> a.face().box().area())).map(YuNetAnalyzer.Analysis::landmarks68).orElse(null);
    }

    /** Where YuNet's five points land in the ground-truth dlib chip (unscaled chip coordinates), mean over TRAIN photos. */
    static double[] calibrate(Options o, FaceApiAnalyzer today, YuNetAnalyzer yu, PrintStream console) {
        // the first two photos of each TRAIN identity, in identity order: --calibrate 40 = 20 identities
        List<Truth> train = photos(o.data(), IdentitySplit.Part.TRAIN, 2, today, yu, console);
        double[] sum = new double[10];
        int n = 0;
        for (Truth t : train) {
            if (n >= o.calibrate()) break;
            YuNetAnalyzer.Analysis a = matched(yu.analyze(t.photo()), t.landmarks());
            if (a == null) continue;
            double[] m = FaceAligner.matrix(t.landmarks(), AlignTarget.CHIP_150);
            float[] p = FaceAligner.apply(m, padTo68(a.face().points5()));
            double k = FaceAligner.CHIP_SIZE / (FaceAligner.CHIP_SIZE - 1.0);
            for (int i = 0; i < 10; i++) sum[i] += p[i] * k;
            n++;
        }
        for (int i = 0; i < 10; i++) sum[i] /= Math.max(1, n);
        StringBuilder sb = new StringBuilder();
        for (double v : sum) sb.append(String.format("%.2f, ", v));
        console.printf("YuNet five-point template from %d TRAIN photos (unscaled 150-chip): {%s}%n", n,
                sb.substring(0, sb.length() - 2));
        return sum;
    }

    private static float[] padTo68(float[] points5) {
        float[] p = new float[136];
        System.arraycopy(points5, 0, p, 0, 10);
        return p;
    }

    public static YuNetAnalyzer.Analysis matched(List<YuNetAnalyzer.Analysis> as, float[] truth) {
        for (YuNetAnalyzer.Analysis a : as) if (a.landmarks68() != null && FacePoints.covers(a.face().box(), truth)) return a;
        return null;
    }

    static Map<String, Object> synthetic(List<Truth> truths, Map<String, Function<RgbImage, List<Box>>> detectors,
                                         FaceApiAnalyzer today, YuNetAnalyzer yu, YuNetAnalyzer tuned, Path out,
                                         PrintStream console) throws IOException {
        List<String> conditions = new ArrayList<>();
        conditions.add(PLAIN);
        for (OccluderType t : OCCLUDERS) conditions.add(t.name().toLowerCase());
        Map<String, Map<String, Integer>> found = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Integer>>> gate = new LinkedHashMap<>();
        SyntheticErrors errors = new SyntheticErrors();
        FaceAssessor assessor = new FaceAssessor(DetectorConfig.defaults(), AlignedCropper.INSTANCE);
        Path examples = out.resolve("examples");
        Files.createDirectories(examples);
        for (int c = 0; c < conditions.size(); c++) {
            String cond = conditions.get(c);
            Map<String, Integer> f = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> g = new LinkedHashMap<>();
            for (int i = 0; i < truths.size(); i++) {
                Truth t = truths.get(i);
                RgbImage img = c == 0 ? t.photo() : OccludedPhoto.draw(t.photo(), t.landmarks(), OCCLUDERS[c - 1], i);
                if (i < 4 && c > 0) Files.write(examples.resolve(cond + "-" + i + ".png"), Images.encodePng(img));
                for (Map.Entry<String, Function<RgbImage, List<Box>>> d : detectors.entrySet()) {
                    boolean hit = d.getValue().apply(img).stream().anyMatch(b -> FacePoints.covers(b, t.landmarks()));
                    f.merge(d.getKey(), hit ? 1 : 0, Integer::sum);
                }
                double[] truthM = FaceAligner.matrix(t.landmarks(), AlignTarget.FACE_128);
                DetectedFace td = today.detect(img).stream().filter(d -> FacePoints.covers(d.box(), t.landmarks()))
                        .findFirst().orElse(null);
                if (td != null) {
                    errors.add(TODAY, cond, td.landmarks(), t.landmarks(), FaceAligner.matrix(td.landmarks(), AlignTarget.FACE_128), truthM);
                    g.computeIfAbsent(TODAY, k -> new TreeMap<>()).merge(reason(assessor, img, td), 1, Integer::sum);
                }
                YuNetAnalyzer.Analysis ya = matched(yu.analyze(img), t.landmarks());
                if (ya != null) {
                    float[] lm = ya.landmarks68();
                    errors.add(YUNET_68, cond, lm, t.landmarks(), FaceAligner.matrix(lm, AlignTarget.FACE_128), truthM);
                    float[] p5 = ya.face().points5();
                    errors.add(YUNET_5, cond, null, t.landmarks(), YuNetFivePoints.matrix(p5, YuNetFivePoints.ALL, AlignTarget.FACE_128), truthM);
                    errors.add(YUNET_EYES, cond, null, t.landmarks(), YuNetFivePoints.matrix(p5, YuNetFivePoints.EYES, AlignTarget.FACE_128), truthM);
                    errors.add(YUNET_UPPER, cond, null, t.landmarks(), upperMatrix(lm), truthM);
                    g.computeIfAbsent(YUNET_68, k -> new TreeMap<>())
                            .merge(reason(assessor, img, new DetectedFace(ya.box(), ya.face().score(), lm)), 1, Integer::sum);
                }
                YuNetAnalyzer.Analysis ta = tuned == null ? null : matched(tuned.analyze(img), t.landmarks());
                if (ta != null) {
                    errors.add(YUNET_TUNED, cond, ta.landmarks68(), t.landmarks(), FaceAligner.matrix(ta.landmarks68(), AlignTarget.FACE_128), truthM);
                    g.computeIfAbsent(YUNET_TUNED, k -> new TreeMap<>())
                            .merge(reason(assessor, img, new DetectedFace(ta.box(), ta.face().score(), ta.landmarks68())), 1, Integer::sum);
                }
                if ((i + 1) % 50 == 0) console.printf("\r%s: %d/%d", cond, i + 1, truths.size());
            }
            console.printf("\r%s: %d photos done%n", cond, truths.size());
            found.put(cond, f);
            gate.put(cond, g);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("photos", truths.size());
        r.put("found", found);
        r.put("gate", gate);
        r.put("errors", errors.summary());
        printRecall(found, truths.size(), console);
        errors.print(console);
        console.println("quality gate (reason: faces) on the matched face, per condition:");
        gate.forEach((cond, g) -> console.printf("  %-13s %s%n", cond, g));
        return r;
    }

    /** Similarity from the eyes and nose only (points 27..47), the part of the face a mask leaves visible. */
    static double[] upperMatrix(float[] lm) {
        int n = 47 - 27 + 1;
        double[] t = new double[2 * n], p = new double[2 * n];
        for (int i = 27; i <= 47; i++) {
            double[] u = FaceAligner.meanShapeUnit(i);
            int k = i - 27;
            t[2 * k] = (FaceAligner.PADDING + u[0]) / (2 * FaceAligner.PADDING + 1) * FaceAligner.CHIP_SIZE;
            t[2 * k + 1] = (FaceAligner.PADDING + u[1]) / (2 * FaceAligner.PADDING + 1) * FaceAligner.CHIP_SIZE;
            p[2 * k] = lm[2 * i];
            p[2 * k + 1] = lm[2 * i + 1];
        }
        return FaceAligner.matrixFromPoints(t, p, AlignTarget.FACE_128);
    }

    static String reason(FaceAssessor assessor, RgbImage img, DetectedFace f) {
        String r = assessor.assess(img, f).reject();
        return r == null ? "pass" : r;
    }

    static void printRecall(Map<String, Map<String, Integer>> found, int n, PrintStream console) {
        List<String> dets = new ArrayList<>(found.values().iterator().next().keySet());
        StringBuilder h = new StringBuilder("| condition (" + n + " faces) |");
        for (String d : dets) h.append(' ').append(d).append(" |");
        console.println(h);
        console.println("|---|" + "---|".repeat(dets.size()));
        found.forEach((cond, f) -> {
            StringBuilder row = new StringBuilder("| " + cond + " |");
            for (String d : dets) row.append(String.format(" %.1f%% |", 100.0 * f.get(d) / Math.max(1, n)));
            console.println(row);
        });
    }
}
