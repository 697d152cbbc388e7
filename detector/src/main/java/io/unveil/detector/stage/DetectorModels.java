package io.unveil.detector.stage;

import io.unveil.core.config.Settings;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.FaceApiAnalyzer;

/**
 * The detect role's networks, each built from the settings it reads; deploy's {@code Models} registers them under
 * {@code detector.model}. Both use face-api's 68-landmark net and the score threshold {@code detector.min-score}.
 */
public final class DetectorModels {
    private DetectorModels() {
    }

    /** {@code tiny} (the default): TinyFaceDetector at {@code detector.input-size} (default 416, a multiple of 32). */
    public static FaceAnalyzer tiny(Settings s) {
        return FaceApiAnalyzer.load(s.get(DetectorSettings.INPUT_SIZE), minScore(s));
    }

    /** {@code ssd}: SSD-MobileNetV1 at its fixed input 512 ({@code detector.input-size} does not apply). */
    public static FaceAnalyzer ssd(Settings s) {
        return FaceApiAnalyzer.loadSsd(minScore(s));
    }

    private static float minScore(Settings s) {
        return (float) DetectorConfig.from(s).minScore();
    }
}
