package io.unveil.detector.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.core.record.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YOLO decode and NMS against hand computation (no model needed). */
class TinyFaceDetectorDecodeTest {
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void decodesOneCellLikeFaceApi() {
        int cells = 13, plane = cells * cells;
        float[] raw = new float[25 * plane];
        java.util.Arrays.fill(raw, -10f); // every score ~0
        int row = 4, col = 7, anchor = 2;
        int base = anchor * 5 * plane + row * cells + col;
        raw[base] = 0.3f;             // tx
        raw[base + plane] = -0.2f;    // ty
        raw[base + 2 * plane] = 0.1f; // tw
        raw[base + 3 * plane] = 0.4f; // th
        raw[base + 4 * plane] = 2f;   // score logit
        // 640x480 at 416: reshaped 416x312 -> correction (1, 416/312)
        List<FaceDetection> d = TinyFaceDetectorTranslator.decode(raw, cells, 640, 480, 416, 0.5f);
        assertEquals(1, d.size());
        double cx = (col + sigmoid(0.3)) / cells, cy = (row + sigmoid(-0.2)) / cells * (416.0 / 312);
        double w = Math.exp(0.1) * 2.882459 / cells, h = Math.exp(0.4) * 3.518061 / cells * (416.0 / 312);
        Box b = d.get(0).box();
        assertEquals((cx - w / 2) * 640, b.x(), 1e-3);
        assertEquals((cy - h / 2) * 480, b.y(), 1e-3);
        assertEquals(w * 640, b.width(), 1e-3);
        assertEquals(h * 480, b.height(), 1e-3);
        assertEquals(sigmoid(2), d.get(0).score(), 1e-6);
    }

    @Test
    void nmsKeepsTheBestOfOverlappingBoxes() {
        List<Box> boxes = List.of(new Box(0, 0, 10, 10), new Box(1, 1, 10, 10), new Box(30, 30, 10, 10), new Box(0, 5, 10, 10));
        List<Float> scores = List.of(0.7f, 0.9f, 0.6f, 0.8f);
        // IoU(b1,b0)=81/119=0.68 -> dropped; IoU(b1,b3)=54/146=0.37 <= 0.4 -> kept
        assertEquals(List.of(1, 3, 2), Nms.select(boxes, scores, 0.4f));
    }

    @Test
    void inputSizeMustBeAMultipleOf32() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TinyFaceDetectorTranslator(100, 0.5f));
        new TinyFaceDetectorTranslator(608, 0.5f);
    }
}
