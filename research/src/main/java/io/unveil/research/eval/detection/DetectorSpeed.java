package io.unveil.research.eval.detection;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.research.bench.Timer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * ms per frame at 640x480 and 1280x720 for each detector (boxes only) and for the two full analyzers (detector + 68
 * landmarks on every face), one thread for PyTorch and OpenCV, same run. The frame is the first real masked photo
 * (a street scene) scaled to each size.
 */
final class DetectorSpeed {
    static final int WARMUP = 3, ITERATIONS = 15;

    private DetectorSpeed() {
    }

    static Map<String, Object> measure(Path maskedSet, Map<String, Function<RgbImage, List<Box>>> detectors,
                                       FaceApiAnalyzer today, YuNetAnalyzer yu, PrintStream console) throws IOException {
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
        org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
        RgbImage source = source(maskedSet);
        Map<String, Object> out = new LinkedHashMap<>();
        console.println("| detector | 640x480 ms (faces) | 1280x720 ms (faces) |");
        console.println("|---|---|---|");
        Map<String, Function<RgbImage, Integer>> runs = new LinkedHashMap<>();
        detectors.forEach((k, d) -> runs.put(k, img -> d.apply(img).size()));
        runs.put("tiny-416 + 68 landmarks", img -> today.detect(img).size());
        runs.put("yunet-n320 + 68 landmarks", img -> yu.detect(img).size());
        for (Map.Entry<String, Function<RgbImage, Integer>> r : runs.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            StringBuilder line = new StringBuilder("| " + r.getKey() + " |");
            for (int[] size : new int[][]{{640, 480}, {1280, 720}}) {
                RgbImage frame = Images.resize(source, size[0], size[1]);
                int faces = r.getValue().apply(frame);
                Timer.Timing t = Timer.time(() -> r.getValue().apply(frame), WARMUP, ITERATIONS);
                row.put(size[0] + "x" + size[1], Map.of("wallMs", t.wallMs(), "cpuMs", t.cpuMs(), "faces", faces));
                line.append(String.format(" %.1f (%d) |", t.wallMs(), faces));
            }
            out.put(r.getKey(), row);
            console.println(line);
        }
        return out;
    }

    static RgbImage source(Path maskedSet) throws IOException {
        Path dir = Files.isDirectory(maskedSet.resolve("images")) ? maskedSet.resolve("images") : maskedSet;
        try (Stream<Path> s = Files.list(dir)) {
            Path first = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no .jpg photo in " + dir));
            return Images.read(first);
        }
    }
}
