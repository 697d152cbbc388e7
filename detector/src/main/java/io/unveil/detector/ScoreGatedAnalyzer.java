package io.unveil.detector;

import io.unveil.core.image.RgbImage;
import java.util.List;

/**
 * A detector whose faces under a score threshold are dropped, as the detect stage drops them ({@code detector.min-score}
 * on top of YuNet's own lower floor; TinyFaceDetector and SSD apply it when they load, so there it changes nothing).
 * Used where a still photo meets the camera pipeline's detector outside the detect stage: the gallery's enrollment and
 * {@code unveil analyze}. Closing it closes the detector it wraps.
 */
public record ScoreGatedAnalyzer(FaceAnalyzer inner, float minScore) implements FaceAnalyzer {
    @Override
    public List<DetectedFace> detect(RgbImage image) {
        return inner.detect(image).stream().filter(f -> f.score() >= minScore).toList();
    }

    @Override
    public String model() {
        return inner.model();
    }

    @Override
    public void close() {
        inner.close();
    }
}
