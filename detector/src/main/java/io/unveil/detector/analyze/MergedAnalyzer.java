package io.unveil.detector.analyze;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.faceapi.Nms;
import io.unveil.detector.faceapi.TinyFaceDetectorTranslator;
import java.util.ArrayList;
import java.util.List;

/**
 * The faces of several analyzers of one photo (the detector at several input sizes), one per face: greedy NMS over
 * the union at the detector's own IoU threshold. Does not own the analyzers (the caller closes them).
 */
public final class MergedAnalyzer implements FaceAnalyzer {
    private final List<FaceAnalyzer> parts;

    public MergedAnalyzer(List<FaceAnalyzer> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("no analyzers to merge");
        this.parts = List.copyOf(parts);
    }

    @Override
    public List<DetectedFace> detect(RgbImage image) {
        List<DetectedFace> all = new ArrayList<>();
        for (FaceAnalyzer a : parts) all.addAll(a.detect(image));
        if (parts.size() == 1) return all;
        List<Box> boxes = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        for (DetectedFace f : all) {
            boxes.add(f.box());
            scores.add(f.score());
        }
        List<DetectedFace> kept = new ArrayList<>();
        for (int i : Nms.select(boxes, scores, TinyFaceDetectorTranslator.IOU_THRESHOLD)) kept.add(all.get(i));
        return kept;
    }

    @Override
    public String model() {
        StringBuilder sb = new StringBuilder();
        for (FaceAnalyzer a : parts) sb.append(sb.length() == 0 ? "" : "+").append(a.model());
        return sb.toString();
    }

    @Override
    public void close() {
        // the parts belong to the caller
    }
}
