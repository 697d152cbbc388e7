package io.unveil.detector.align;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import java.util.Comparator;
import java.util.List;

/**
 * Detect faces in a still image and align the chosen one to a recognizer chip. The one place that decides which face
 * of a photo is "the" face ({@link #largestFace}: the largest box) for enrollment, calibration, evaluation and
 * benchmarks.
 */
public record FaceChips(FaceAnalyzer analyzer, ChipAligner aligner) {
    /** A face with its chip, plus how many faces the image had in all. */
    public record Chip(DetectedFace face, RgbImage chip, List<DetectedFace> all) {
    }

    /** The pretrained face-api detector + 68-landmark net with the dlib CHIP_150 alignment (loads the weights). */
    public static FaceChips faceApi() {
        return new FaceChips(io.unveil.detector.FaceApiAnalyzer.load(), ChipAligner.DLIB);
    }

    /** The face with the largest box (the first of equals), or null when there is none. */
    public static DetectedFace largestFace(List<DetectedFace> faces) {
        return faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
    }

    public List<DetectedFace> detect(RgbImage image) {
        return analyzer.detect(image);
    }

    public RgbImage align(RgbImage image, DetectedFace face) {
        return aligner.chip150(image, face.landmarks());
    }

    /** The largest face of the image aligned, or null when no face was found. */
    public Chip largest(RgbImage image) {
        List<DetectedFace> faces = analyzer.detect(image);
        DetectedFace best = largestFace(faces);
        if (best == null) return null;
        return new Chip(best, aligner.chip150(image, best.landmarks()), faces);
    }
}
