package io.unveil.recognize.pipeline;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import java.util.Comparator;
import java.util.List;

/** Detect faces in a still image and align the chosen one to a recognizer chip. */
public final class FaceChips {
    private final FaceAnalyzer analyzer;
    private final ChipAligner aligner;

    public FaceChips(FaceAnalyzer analyzer, ChipAligner aligner) {
        this.analyzer = analyzer;
        this.aligner = aligner;
    }

    /** A face with its chip, plus how many faces the image had in all. */
    public record Chip(DetectedFace face, RgbImage chip, List<DetectedFace> all) {
    }

    /** The pretrained face-api detector + 68-landmark net with the dlib CHIP_150 alignment (loads the weights). */
    public static FaceChips faceApi() {
        return new FaceChips(io.unveil.detector.FaceApiAnalyzer.load(), (img, lm) ->
                io.unveil.detector.align.FaceAligner.align(img, lm, io.unveil.detector.align.AlignTarget.CHIP_150).image());
    }

    public FaceAnalyzer analyzer() {
        return analyzer;
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
        if (faces.isEmpty()) return null;
        DetectedFace best = faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
        return new Chip(best, aligner.chip150(image, best.landmarks()), faces);
    }
}
