package io.unveil.detector.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SsdMobilenetV1TranslatorTest {
    @Test
    void iouOnCornerBoxes() {
        assertEquals(1.0, SsdMobilenetV1Translator.iou(new float[]{0, 0, 1, 1}, new float[]{0, 0, 1, 1}), 1e-12);
        assertEquals(0.0, SsdMobilenetV1Translator.iou(new float[]{0, 0, 1, 1}, new float[]{2, 2, 3, 3}), 1e-12);
        // [0,0,2,2] vs [1,0,3,2]: intersection 1x2 = 2, union 4+4-2 = 6
        assertEquals(1.0 / 3, SsdMobilenetV1Translator.iou(new float[]{0, 0, 2, 2}, new float[]{1, 0, 3, 2}), 1e-12);
    }

    @Test
    void nmsKeepsBestDropsOverlapsFiltersAndCaps() {
        float[][] boxes = {{0, 0, 1, 1}, {0, 0, 1, 0.9f}, {2, 2, 3, 3}, {5, 5, 6, 6}};
        float[] scores = {0.8f, 0.9f, 0.6f, 0.4f};
        // box 1 (0.9) first; box 0 overlaps it with IoU 0.9 -> dropped; box 2 kept; box 3 under the threshold
        assertEquals(List.of(1, 2), SsdMobilenetV1Translator.nms(boxes, scores, 100, 0.5f, 0.5f));
        assertEquals(List.of(1), SsdMobilenetV1Translator.nms(boxes, scores, 1, 0.5f, 0.5f));
    }

    @Test
    void zeroEncodingDecodesToTheAnchorInPixels() {
        // one anchor: ymin .1, xmin .2, ymax .5, xmax .6 ; logit of class 1 = 2 -> sigmoid 0.8808
        float[] anchors = {0.1f, 0.2f, 0.5f, 0.6f};
        List<FaceDetection> d = SsdMobilenetV1Translator.decode(new float[4], new float[]{0, 2, 0}, anchors, 512, 512, 0.5f, 100);
        assertEquals(1, d.size());
        assertEquals(0.2 * 512, d.get(0).box().x(), 1e-3);
        assertEquals(0.1 * 512, d.get(0).box().y(), 1e-3);
        assertEquals(0.4 * 512, d.get(0).box().width(), 1e-3);
        assertEquals(0.4 * 512, d.get(0).box().height(), 1e-3);
        assertEquals(1 / (1 + Math.exp(-2)), d.get(0).score(), 1e-6);
        // a 1024x512 image is padded at the bottom to 1024x1024: relative y doubles, pixels scale by the real size
        List<FaceDetection> wide = SsdMobilenetV1Translator.decode(new float[4], new float[]{0, 2, 0}, anchors, 1024, 512, 0.5f, 100);
        assertEquals(0.2 * 1024, wide.get(0).box().x(), 1e-3);
        assertEquals(0.1 * 2 * 512, wide.get(0).box().y(), 1e-3);
        assertEquals(0.4 * 2 * 512, wide.get(0).box().height(), 1e-3);
    }
}
