package io.unveil.research.eval.detection;

import io.unveil.core.record.Box;
import io.unveil.research.eval.occlusion.MaskedFaceLabels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand labels of real masked-photo faces that today's labels ({@link MaskedFaceLabels}) do not cover: faces other
 * detectors find where TinyFaceDetector 416 found none or another face. Each row is {@code file,cx,cy,label}: the
 * photo, the centre of the labelled box in photo pixels, and masked|unmasked|not-a-face, labelled by looking at the
 * crop without any prediction drawn. A detection takes the label whose centre lies inside its box (the nearest to
 * its own centre when several do).
 */
final class DetectionLabels {
    static final String RESOURCE = "/io/unveil/research/eval/detection/masked-faces-more-labels.csv";

    record Entry(float cx, float cy, MaskedFaceLabels.Label label) {
    }

    private final Map<String, List<Entry>> byFile;

    private DetectionLabels(Map<String, List<Entry>> byFile) {
        this.byFile = byFile;
    }

    static DetectionLabels bundled() {
        try (InputStream in = DetectionLabels.class.getResourceAsStream(RESOURCE)) {
            return in == null ? new DetectionLabels(Map.of()) : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DetectionLabels read(InputStream in) throws IOException {
        Map<String, List<Entry>> out = new HashMap<>();
        List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("file,"))) continue;
            String[] f = line.split(",");
            if (f.length != 4)
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'file,cx,cy,label', got '" + line + "'");
            out.computeIfAbsent(f[0].trim(), k -> new ArrayList<>()).add(new Entry(Float.parseFloat(f[1].trim()),
                    Float.parseFloat(f[2].trim()), MaskedFaceLabels.Label.parse(f[3], i + 1)));
        }
        return new DetectionLabels(out);
    }

    /** The label of the face in this box, or null. */
    MaskedFaceLabels.Label of(String file, Box b) {
        Entry best = null;
        double bestD = Double.MAX_VALUE;
        float cx = b.x() + b.width() / 2, cy = b.y() + b.height() / 2;
        for (Entry e : byFile.getOrDefault(file, List.of())) {
            if (!RealMaskedFaces.contains(b, e.cx(), e.cy())) continue;
            double d = Math.hypot(e.cx() - cx, e.cy() - cy);
            if (d < bestD) {
                bestD = d;
                best = e;
            }
        }
        return best == null ? null : best.label();
    }
}
