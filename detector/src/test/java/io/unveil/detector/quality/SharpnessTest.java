package io.unveil.detector.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharpnessTest {
    @Test
    void flatIsZeroNoiseIsHighAndSmoothIsLow() {
        byte[] flat = new byte[64 * 64 * 3];
        java.util.Arrays.fill(flat, (byte) 128);
        assertEquals(0.0, Sharpness.varianceOfLaplacian(new RgbImage(64, 64, flat)), 1e-9);
        byte[] noise = new byte[64 * 64 * 3];
        new Random(1).nextBytes(noise);
        double sharp = Sharpness.varianceOfLaplacian(new RgbImage(64, 64, noise));
        byte[] ramp = new byte[64 * 64 * 3];
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) for (int c = 0; c < 3; c++) ramp[(y * 64 + x) * 3 + c] = (byte) (x * 2);
        double smooth = Sharpness.varianceOfLaplacian(new RgbImage(64, 64, ramp));
        assertTrue(sharp > 1000, "noise " + sharp);
        assertTrue(smooth < 1, "ramp " + smooth);
    }
}
