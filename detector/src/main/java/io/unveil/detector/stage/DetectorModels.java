package io.unveil.detector.stage;

import io.unveil.core.config.Settings;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.detector.yunet.YuNetDetector;

/**
 * The detect role's networks, each built from the settings it reads; deploy's {@code Models} registers them under
 * {@code detector.model} and the landmark nets under {@code detector.landmarks}. Each detector runs the 68-landmark net
 * it is given on the box it finds; {@code detector.min-score} applies to
 * each (for YuNet on top of its own score floor). Measured side by side in docs/evaluation.md, "Detection of masked
 * faces" ({@code unveil eval detection}).
 */
public final class DetectorModels {
    private DetectorModels() {
    }

    /**
     * {@code yunet} (the default): YuNet n-320 (libfacedetection, OpenCV FaceDetectorYN; score floor
     * {@link YuNetDetector#DEFAULT_SCORE_THRESHOLD}) + 68 landmarks: 98.5-99.0% recall on synthetically masked
     * VALIDATION faces where TinyFaceDetector 416 finds 28-71%, 3.6x as many real masked faces, 9 CPU ms per 640x480
     * frame against 35.
     */
    public static FaceAnalyzer yunet(Settings s, FaceLandmark68Net landmarks) {
        return YuNetAnalyzer.load(YuNetDetector.DEFAULT_SCORE_THRESHOLD, landmarks);
    }

    /** {@code tiny}: TinyFaceDetector at {@code detector.input-size} (default 416, a multiple of 32). */
    public static FaceAnalyzer tiny(Settings s, FaceLandmark68Net landmarks) {
        return FaceApiAnalyzer.load(s.get(DetectorSettings.INPUT_SIZE), minScore(s), landmarks);
    }

    /** {@code ssd}: SSD-MobileNetV1 at its fixed input 512 ({@code detector.input-size} does not apply). */
    public static FaceAnalyzer ssd(Settings s, FaceLandmark68Net landmarks) {
        return FaceApiAnalyzer.loadSsd(minScore(s), landmarks);
    }

    /** {@code detector.landmarks=faceapi}: face-api's pretrained FaceLandmark68Net. */
    public static FaceLandmark68Net faceapiLandmarks(Settings s) {
        return FaceLandmark68Net.load();
    }

    /**
     * {@code detector.landmarks=masked}: the same net fine-tuned on synthetically masked TRAIN faces ({@code unveil
     * train landmarks}; numbers in its MODEL_CARD.md and docs/evaluation.md, "Detection of masked faces").
     */
    public static FaceLandmark68Net maskedLandmarks(Settings s) {
        return FaceLandmark68Net.loadMasked();
    }

    private static float minScore(Settings s) {
        return (float) DetectorConfig.from(s).minScore();
    }
}
