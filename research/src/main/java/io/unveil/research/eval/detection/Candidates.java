package io.unveil.research.eval.detection;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.faceapi.FaceDetection;
import io.unveil.detector.faceapi.SsdMobilenetV1;
import io.unveil.detector.faceapi.TinyFaceDetector;
import io.unveil.detector.yunet.YuNetDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The detectors compared, by name, each at its stage default score threshold: TinyFaceDetector 416 and 224 (0.5),
 * SSD-MobileNetV1 (0.5), YuNet n-320 (the bundled file) and, when the shared model folder is given, YuNet s-640
 * (0.6 both, OpenCV Zoo's threshold). Boxes only: landmarks are measured separately.
 */
final class Candidates implements AutoCloseable {
    static final String TINY_416 = "tiny-416", TINY_224 = "tiny-224", SSD = "ssd", YUNET = "yunet-n320", YUNET_S = "yunet-s640";

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Map<String, Function<RgbImage, List<Box>>> detectors = new LinkedHashMap<>();

    Candidates(TinyFaceDetector tiny416, YuNetDetector yunet, Path yunetModels) {
        detectors.put(TINY_416, img -> boxes(tiny416.detect(img)));
        TinyFaceDetector tiny224 = own(TinyFaceDetector.load(224, TinyFaceDetector.DEFAULT_SCORE_THRESHOLD));
        detectors.put(TINY_224, img -> boxes(tiny224.detect(img)));
        SsdMobilenetV1 ssd = own(SsdMobilenetV1.load());
        detectors.put(SSD, img -> boxes(ssd.detect(img)));
        detectors.put(YUNET, img -> yunet.detect(img).stream().map(YuNetDetector.Face::box).toList());
        Path s640 = yunetModels == null ? null : yunetModels.resolve("yunet_s_640_640.onnx");
        if (s640 != null && Files.isRegularFile(s640)) {
            YuNetDetector ys = own(YuNetDetector.load(s640, YuNetDetector.DEFAULT_SCORE_THRESHOLD));
            detectors.put(YUNET_S, img -> ys.detect(img).stream().map(YuNetDetector.Face::box).toList());
        }
    }

    Map<String, Function<RgbImage, List<Box>>> all() {
        return detectors;
    }

    private <T extends AutoCloseable> T own(T t) {
        owned.add(t);
        return t;
    }

    private static List<Box> boxes(List<FaceDetection> d) {
        return d.stream().map(FaceDetection::box).toList();
    }

    @Override
    public void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing native models: nothing to recover
            }
        }
    }
}
