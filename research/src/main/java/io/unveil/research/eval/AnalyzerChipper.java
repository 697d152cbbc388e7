package io.unveil.research.eval;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Detect -> largest face -> dlib-style 150x150 recognizer chip ({@link AlignTarget#CHIP_150}) from its 68 landmarks. */
public final class AnalyzerChipper implements FaceChipper {
    private final FaceAnalyzer analyzer;

    public AnalyzerChipper(FaceAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Optional<RgbImage> chip(RgbImage photo) {
        List<DetectedFace> faces = analyzer.detect(photo);
        return faces.stream()
                .max(Comparator.comparingDouble(f -> f.box().width() * f.box().height()))
                .map(f -> FaceAligner.align(photo, f.landmarks(), AlignTarget.CHIP_150).image());
    }
}
