package io.unveil.recognize.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArcFaceCropTest {
    @Test
    void theChipsTemplatePointsLandOnTheArcFacePoints() {
        double[][] chip = ArcFaceCrop.chipPoints();
        for (int i = 0; i < 5; i++) {
            double[] p = ArcFaceCrop.chipPosition(ArcFaceCrop.ARCFACE[i][0], ArcFaceCrop.ARCFACE[i][1]);
            // a similarity cannot fit the two templates exactly (dlib's mouth is wider and lower): the largest residual is
            // 3.0 chip px, at the mouth corners
            assertTrue(Math.hypot(p[0] - chip[i][0], p[1] - chip[i][1]) < 3.2, "point " + i + ": " + Arrays.toString(p)
                    + " vs " + Arrays.toString(chip[i]));
        }
        // upright and 1.44 chip px per crop px (eyes 52.6 chip px apart against 35.2 crop px; the mouth pulls it lower)
        double[] o = ArcFaceCrop.chipPosition(0, 0), r = ArcFaceCrop.chipPosition(1, 0);
        assertEquals(0, r[1] - o[1], 0.01, "ArcFace's eyes are 0.2 px off level: a 0.3 degree turn");
        assertEquals(1.44, r[0] - o[0], 0.01);
    }

    @Test
    void theFitIsExactOnASimilarity() {
        double[][] from = {{0, 0}, {10, 0}, {0, 10}, {7, 3}};
        double[][] to = new double[4][];
        for (int i = 0; i < 4; i++) to[i] = new double[]{2 * from[i][0] - from[i][1] + 5, from[i][0] + 2 * from[i][1] - 1};
        double[] m = ArcFaceCrop.fit(from, to);
        assertEquals(2, m[0], 1e-12);
        assertEquals(-1, m[1], 1e-12);
        assertEquals(5, m[2], 1e-12);
        assertEquals(1, m[3], 1e-12);
        assertEquals(2, m[4], 1e-12);
        assertEquals(-1, m[5], 1e-12);
    }

    @Test
    void aGreyChipIsNormalisedInsideAndBlackPastItsEdges() {
        byte[] px = new byte[150 * 150 * 3];
        Arrays.fill(px, (byte) 200);
        float[] out = ArcFaceCrop.planar(new RgbImage(150, 150, px), 127, 128, new float[3 * 112 * 112 + 5], 5);
        int centre = 5 + 56 * 112 + 56, plane = 112 * 112;
        for (int c = 0; c < 3; c++) assertEquals((200 - 127) / 128f, out[centre + c * plane], 1e-6);
        // the crop's left edge lies left of the chip (x < 0): black
        assertEquals(-127 / 128f, out[5 + 56 * 112], 1e-6);
        assertEquals(0, out[0]);
    }

    @Test
    void onlyARecognizerChipIsAccepted() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ArcFaceCrop.planar(new RgbImage(128, 128, new byte[128 * 128 * 3]), 127, 128, new float[3 * 112 * 112], 0));
        assertEquals("expected a 150x150 recognizer chip, got 128x128", e.getMessage());
    }
}
