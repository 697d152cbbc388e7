package io.unveil.research.train.idgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MasksTest {
    @Test
    void distanceTransformMeasuresToNearestKnownPixel() {
        // 5x1 strip, hole in the middle three: distances 0 1 2 1 0
        float[] m = {0, 1, 1, 1, 0};
        assertArrayEquals(new float[] {0, 1, 2, 1, 0}, Masks.distanceToKnown(m, 5, 1), 1e-6f);
        // 3x3 with the centre known: corners are sqrt(2) away
        float[] n = {1, 1, 1, 1, 0, 1, 1, 1, 1};
        float[] d = Masks.distanceToKnown(n, 3, 3);
        assertEquals(Math.sqrt(2), d[0], 1e-6);
        assertEquals(1.0, d[1], 1e-6);
        assertEquals(0.0, d[4], 1e-6);
    }

    @Test
    void discountWeightsAreOneOutsideAndGammaPowDInside() {
        float[] w = Masks.discountWeights(new float[] {0, 1, 1, 1, 0}, 5, 1);
        assertArrayEquals(new float[] {1, 0.99f, 0.9801f, 0.99f, 1}, w, 1e-6f);
    }

    @Test
    void blockIs48x48InsideTheFace() {
        Random r = new Random(1);
        for (int i = 0; i < 50; i++) {
            float[] m = Masks.randomBlock(r, 128, 48);
            assertEquals(48 * 48, Masks.ratio(m) * 128 * 128, 1e-6);
            int[] w = Masks.localWindow(m, 128);
            // the 64x64 window contains the whole block
            for (int y = 0; y < 128; y++)
                for (int x = 0; x < 128; x++)
                    if (m[y * 128 + x] > 0) {
                        assertEquals(true, x >= w[0] && x < w[0] + 64 && y >= w[1] && y < w[1] + 64);
                    }
        }
    }

    @Test
    void holesLargerThanTheLocalWindowUseTheWholeFace() {
        float[] m = new float[128 * 128];
        for (int x = 0; x < 100; x++) m[60 * 128 + x] = 1;
        assertNull(Masks.localWindow(m, 128));
    }
}
