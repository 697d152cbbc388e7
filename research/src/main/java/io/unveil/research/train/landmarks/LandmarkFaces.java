package io.unveil.research.train.landmarks;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.research.eval.detection.DetectionEvaluation;
import io.unveil.research.data.LabeledImages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Loads {@link LandmarkFace}s of the chosen identities of a labelled set. Ground truth and box cost a detector pass per
 * photo (~0.1 s on the shared machine), so they are kept in a CSV ({@code file,identity,box x,y,w,h,136 landmarks})
 * that a resumed run reads instead; photos without a face found by both detectors are left out and counted.
 */
public final class LandmarkFaces {
    private LandmarkFaces() {
    }

    /**
     * @param tinyTruth ground truth on TinyFaceDetector 416's box when it finds the face ({@code unveil eval detection}'s
     *                  definition, for validation photos); false: on YuNet's box only (training photos: the pipeline's
     *                  own crop, and a third of the detector cost on the shared machine)
     */
    public static List<LandmarkFace> load(Path data, Predicate<String> identities, int perIdentity, Path cacheCsv,
                                          boolean tinyTruth, PrintStream console) throws IOException {
        Map<String, String[]> cached = readCache(cacheCsv);
        List<LandmarkFace> out = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int none = 0, computed = 0;
        FaceApiAnalyzer today = null;
        YuNetAnalyzer yu = null;
        try {
            for (Map.Entry<String, List<Path>> e : LabeledImages.load(data).byIdentity().entrySet()) {
                if (!identities.test(e.getKey())) continue;
                List<Path> files = perIdentity > 0 ? e.getValue().subList(0, Math.min(perIdentity, e.getValue().size())) : e.getValue();
                for (Path f : files) {
                    String key = data.relativize(f).toString();
                    RgbImage img = Images.read(f);
                    String[] row = cached.get(key);
                    if (row == null) {
                        if (yu == null) {
                            if (tinyTruth) today = FaceApiAnalyzer.load(); // TinyFaceDetector 416, as unveil eval detection
                            yu = YuNetAnalyzer.load(io.unveil.detector.yunet.YuNetDetector.DEFAULT_SCORE_THRESHOLD);
                        }
                        row = measure(key, e.getKey(), img, today, yu);
                        computed++;
                        if (computed % 50 == 0) {
                            console.printf("\rground truth: %d photos", computed);
                            console.flush();
                        }
                    }
                    if (row.length < 7) {
                        none++;
                    } else {
                        out.add(parse(row, img));
                    }
                    lines.add(String.join(",", row));
                }
            }
        } finally {
            if (today != null) today.close();
            if (yu != null) yu.close();
        }
        if (computed > 0) {
            console.println();
            Files.createDirectories(cacheCsv.toAbsolutePath().getParent());
            List<String> all = new ArrayList<>();
            cached.values().forEach(r -> all.add(String.join(",", r)));
            for (String l : lines) if (!cached.containsKey(l.substring(0, l.indexOf(',')))) all.add(l);
            Files.write(cacheCsv, all);
        }
        console.printf("%s: %d photos with ground truth and a YuNet box (%d without), %d measured now%n",
                data.getFileName(), out.size(), none, computed);
        return out;
    }

    /**
     * One cache row: file, identity and, when both a ground truth and a matching YuNet box exist, box and landmarks.
     * {@code today} null: the ground truth is the landmark net on YuNet's (largest) face.
     */
    static String[] measure(String key, String identity, RgbImage img, FaceApiAnalyzer today, YuNetAnalyzer yu) {
        List<YuNetAnalyzer.Analysis> found = yu.analyze(img);
        float[] truth = today != null ? DetectionEvaluation.groundTruth(img, today, yu)
                : found.stream().filter(x -> x.landmarks68() != null)
                .max(java.util.Comparator.comparingDouble(x -> x.face().box().area()))
                .map(YuNetAnalyzer.Analysis::landmarks68).orElse(null);
        YuNetAnalyzer.Analysis a = truth == null ? null : DetectionEvaluation.matched(found, truth);
        if (a == null) return new String[]{key, identity};
        String[] row = new String[2 + 4 + 136];
        row[0] = key;
        row[1] = identity;
        Box b = a.box();
        row[2] = num(b.x());
        row[3] = num(b.y());
        row[4] = num(b.width());
        row[5] = num(b.height());
        for (int i = 0; i < 136; i++) row[6 + i] = num(truth[i]);
        return row;
    }

    private static String num(float v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static LandmarkFace parse(String[] row, RgbImage img) {
        Box b = new Box(Float.parseFloat(row[2]), Float.parseFloat(row[3]), Float.parseFloat(row[4]), Float.parseFloat(row[5]));
        float[] lm = new float[136];
        for (int i = 0; i < 136; i++) lm[i] = Float.parseFloat(row[6 + i]);
        return new LandmarkFace(row[0], row[1], img, lm, b);
    }

    private static Map<String, String[]> readCache(Path csv) throws IOException {
        Map<String, String[]> m = new HashMap<>();
        if (csv == null || !Files.exists(csv)) return m;
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank()) continue;
            String[] row = line.split(",");
            m.put(row[0], row);
        }
        return m;
    }
}
