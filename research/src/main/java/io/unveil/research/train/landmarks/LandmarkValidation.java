package io.unveil.research.train.landmarks;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.faceapi.FaceLandmark68Translator;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.detector.yunet.YuNetDetector;
import io.unveil.research.eval.detection.FacePoints;
import io.unveil.research.eval.detection.OccludedPhoto;
import io.unveil.research.occluders.OccluderType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Landmark error of a landmark net on validation photos, plain and with each occluder of {@code unveil eval detection}
 * (same drawing, seed = photo index), on the box the pipeline would give it: YuNet's face-api box found on the
 * (occluded) photo. Error: mean distance of the 68 points to the unmasked photo's ground truth, in units of its
 * inter-ocular distance (NME), mean over the faces YuNet found. The crops are made once; {@link #measure} only runs
 * the net.
 */
public final class LandmarkValidation {
    public static final String PLAIN = "plain";
    public static final OccluderType[] OCCLUDERS = {OccluderType.MEDICAL_MASK, OccluderType.CLOTH_MASK,
            OccluderType.SUNGLASSES, OccluderType.HAND};

    private record Case(String condition, LandmarkExamples.Example example, int cropW, int cropH, float sx, float sy,
                        float[] truth) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final Map<String, Integer> photos = new LinkedHashMap<>();

    public LandmarkValidation(List<LandmarkFace> faces, PrintStream console) {
        // one thread and one YuNet per condition: the crops cost a detector pass each, ~5 min on the loaded machine
        List<List<Case>> byCondition = java.util.stream.IntStream.rangeClosed(0, OCCLUDERS.length).parallel()
                .mapToObj(c -> cases(faces, c)).toList();
        for (int c = 0; c <= OCCLUDERS.length; c++) {
            cases.addAll(byCondition.get(c));
            photos.put(condition(c), byCondition.get(c).size());
        }
        console.printf("validation: %d photos, faces found by YuNet per condition %s%n", faces.size(), photos);
    }

    private static List<Case> cases(List<LandmarkFace> faces, int c) {
        String cond = condition(c);
        List<Case> out = new ArrayList<>();
        try (YuNetDetector yunet = YuNetDetector.load(YuNetDetector.DEFAULT_SCORE_THRESHOLD)) {
            for (int i = 0; i < faces.size(); i++) {
                LandmarkFace f = faces.get(i);
                RgbImage img = c == 0 ? f.photo() : OccludedPhoto.draw(f.photo(), f.truth(), OCCLUDERS[c - 1], i);
                Box box = null;
                for (YuNetDetector.Face d : yunet.detect(img)) {
                    Box b = YuNetAnalyzer.faceApiBox(d.box());
                    if (FacePoints.covers(b, f.truth())) {
                        box = b;
                        break;
                    }
                }
                if (box == null) continue;
                LandmarkExamples.Example e = LandmarkExamples.of(img, box, f.truth());
                if (e == null) continue;
                int[] r = io.unveil.detector.FaceApiAnalyzer.faceApiCrop(box, img.width(), img.height());
                out.add(new Case(cond, e, r[2], r[3], Math.max(box.x(), 0f), Math.max(box.y(), 0f), f.truth()));
            }
        }
        return out;
    }

    private static String condition(int c) {
        return c == 0 ? PLAIN : OCCLUDERS[c - 1].name().toLowerCase(Locale.ROOT);
    }

    /** The net's inputs, in case order (for {@code net}: 3x112x112 each). */
    public List<float[]> inputs() {
        return cases.stream().map(k -> k.example().input()).toList();
    }

    /**
     * Mean NME per condition (plain, medical_mask, ...), plus "masked/plain", the worst occluder's error over the plain
     * error (issue 22's target: at most 1.2). {@code net} maps inputs to raw outputs (136 floats each, relative).
     */
    public Map<String, Double> measure(Function<List<float[]>, List<float[]>> net) {
        return measure(points(net));
    }

    /** One face's 68 points as the net puts them (photo pixels) and its ground truth, under one condition. */
    public record Points(String condition, float[] predicted, float[] truth) {
    }

    /** The net's 68 points on every case, in photo pixels. */
    public List<Points> points(Function<List<float[]>, List<float[]>> net) {
        List<float[]> out = net.apply(inputs());
        List<Points> r = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Case k = cases.get(i);
            float[] px = FaceLandmark68Translator.toCropPixels(out.get(i), k.cropW(), k.cropH());
            for (int p = 0; p < 68; p++) {
                px[2 * p] += k.sx();
                px[2 * p + 1] += k.sy();
            }
            r.add(new Points(k.condition(), px, k.truth()));
        }
        return r;
    }

    /** {@link #measure(Function)} of points already predicted. */
    public static Map<String, Double> measure(List<Points> points) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Points k : points) {
            double[] s = sums.computeIfAbsent(k.condition(), x -> new double[2]);
            s[0] += FacePoints.nme(k.predicted(), k.truth(), FacePoints.Region.ALL);
            s[1]++;
        }
        Map<String, Double> r = new LinkedHashMap<>();
        sums.forEach((c, s) -> r.put(c, s[0] / s[1]));
        double worst = 0;
        for (OccluderType t : OCCLUDERS) worst = Math.max(worst, r.getOrDefault(t.name().toLowerCase(Locale.ROOT), 0.0));
        r.put("worst/plain", worst / r.get(PLAIN));
        return r;
    }

    public static String format(Map<String, Double> r) {
        StringBuilder sb = new StringBuilder();
        r.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s %.4f  ", k, v)));
        return sb.toString().trim();
    }
}
