package io.unveil.research.eval.detection;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.research.eval.occlusion.MaskedFaceLabels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Real masked photos: per detector, the photos in which it finds a face, and what its largest face shows. The label
 * of today's detection ({@link MaskedFaceLabels}, one per photo, for TinyFaceDetector 416's largest face) is reused
 * when a detector's largest face is the same face (each box holds the other's centre); any other face is looked up
 * in {@link DetectionLabels} (labelled the same way, by hand, without predictions drawn). Faces with neither are
 * written to {@code <out>/to-label/} as crops (the box widened by a quarter) and counted as unlabelled.
 */
final class RealMaskedFaces {
    private RealMaskedFaces() {
    }

    static Map<String, Object> measure(Path maskedSet, Map<String, Function<RgbImage, List<Box>>> detectors, Path out,
                                       PrintStream console) throws IOException {
        Path dir = Files.isDirectory(maskedSet.resolve("images")) ? maskedSet.resolve("images") : maskedSet;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted().toList();
        }
        MaskedFaceLabels todayLabels = MaskedFaceLabels.bundled();
        DetectionLabels newLabels = DetectionLabels.bundled();
        Path toLabel = out.resolve("to-label");
        Files.createDirectories(toLabel);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String d : detectors.keySet()) counts.put(d, new LinkedHashMap<>());
        int done = 0;
        for (Path f : files) {
            RgbImage img = Images.read(f);
            String name = f.getFileName().toString();
            Map<String, Box> largest = new LinkedHashMap<>();
            for (Map.Entry<String, Function<RgbImage, List<Box>>> d : detectors.entrySet()) {
                List<Box> boxes = d.getValue().apply(img);
                counts.get(d.getKey()).merge("detections", boxes.size(), Integer::sum);
                boxes.stream().max(Comparator.comparingDouble(Box::area)).ifPresent(b -> largest.put(d.getKey(), b));
            }
            Box today = largest.get(Candidates.TINY_416);
            for (Map.Entry<String, Box> e : largest.entrySet()) {
                Box b = e.getValue();
                MaskedFaceLabels.Label label = today != null && sameFace(b, today) ? todayLabels.of(name) : null;
                if (label == null) label = newLabels.of(name, b);
                String key = label == null ? "unlabelled" : label.name().toLowerCase().replace('_', '-');
                Map<String, Integer> c = counts.get(e.getKey());
                c.merge("photosWithFace", 1, Integer::sum);
                c.merge(key, 1, Integer::sum);
                if (label == null) {
                    float cx = b.x() + b.width() / 2, cy = b.y() + b.height() / 2;
                    Files.write(toLabel.resolve(String.format("%s_%d_%d.png", name, Math.round(cx), Math.round(cy))),
                            Images.encodePng(crop(img, b)));
                }
            }
            if (++done % 100 == 0) console.printf("\rreal masked photos: %d/%d", done, files.size());
        }
        console.printf("\rreal masked photos: %d%n", files.size());
        console.println("| detector | photos with a face | masked | unmasked | not a face | unlabelled | detections |");
        console.println("|---|---|---|---|---|---|---|");
        counts.forEach((d, c) -> console.printf("| %s | %d | %d | %d | %d | %d | %d |%n", d, c.getOrDefault("photosWithFace", 0),
                c.getOrDefault("masked", 0), c.getOrDefault("unmasked", 0), c.getOrDefault("not-a-face", 0),
                c.getOrDefault("unlabelled", 0), c.getOrDefault("detections", 0)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("photos", files.size());
        r.put("byDetector", counts);
        return r;
    }

    /** Each box holds the other's centre: the same face whatever the two detectors' box conventions. */
    static boolean sameFace(Box a, Box b) {
        return contains(a, b.x() + b.width() / 2, b.y() + b.height() / 2) && contains(b, a.x() + a.width() / 2, a.y() + a.height() / 2);
    }

    static boolean contains(Box b, double x, double y) {
        return x >= b.x() && y >= b.y() && x <= b.x() + b.width() && y <= b.y() + b.height();
    }

    static RgbImage crop(RgbImage img, Box b) {
        float m = 0.25f * Math.max(b.width(), b.height());
        int x = Math.max(0, Math.round(b.x() - m)), y = Math.max(0, Math.round(b.y() - m));
        int w = Math.min(img.width() - x, Math.round(b.width() + 2 * m)), h = Math.min(img.height() - y, Math.round(b.height() + 2 * m));
        return Images.crop(img, x, y, Math.max(1, w), Math.max(1, h));
    }

}
