package io.unveil.research.eval.inpaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageQualityTest {
    private static final double C1 = 6.5025, C2 = 58.5225; // (0.01*255)^2, (0.03*255)^2

    private static RgbImage grey(int w, int h, int v) {
        byte[] d = new byte[w * h * 3];
        Arrays.fill(d, (byte) v);
        return new RgbImage(w, h, d);
    }

    @Test
    void psnrOfConstantOffset() {
        // MSE = 10^2 = 100 -> 10 log10(65025/100) = 28.1308 dB
        assertEquals(28.130803608679106, ImageQuality.psnr(grey(16, 16, 100), grey(16, 16, 110)), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, ImageQuality.psnr(grey(16, 16, 7), grey(16, 16, 7)));
    }

    @Test
    void psnrOverTheHoleOnly() {
        RgbImage a = grey(20, 20, 100);
        RgbImage b = grey(20, 20, 100);
        boolean[] mask = new boolean[400];
        for (int y = 5; y < 15; y++)
            for (int x = 5; x < 15; x++) {
                mask[y * 20 + x] = true;
                for (int c = 0; c < 3; c++) b.data()[(y * 20 + x) * 3 + c] = (byte) 120;
            }
        // hole: MSE 400 -> 22.1102 dB; whole: MSE 400 * 100/400 = 100 -> 28.1308 dB
        assertEquals(10 * Math.log10(65025.0 / 400), ImageQuality.psnr(a, b, mask), 1e-9);
        assertEquals(22.110203695399482, ImageQuality.psnr(a, b, mask), 1e-9);
        assertEquals(28.130803608679106, ImageQuality.psnr(a, b), 1e-9);
    }

    @Test
    void ssimOfIdenticalAndOfConstantImages() {
        RgbImage a = noise(32, 32, 1);
        assertEquals(1.0, ImageQuality.ssim(a, a), 1e-12);
        // constant images: sigma = 0, so SSIM = (2*100*110 + C1) / (100^2 + 110^2 + C1) = 0.9954764
        double expected = (2 * 100 * 110 + C1) / (100 * 100 + 110 * 110 + C1);
        assertEquals(0.9954764, expected, 1e-7);
        assertEquals(expected, ImageQuality.ssim(grey(24, 24, 100), grey(24, 24, 110)), 1e-9);
    }

    @Test
    void ssimOfOneWindowByHand() {
        // 11x11 image: exactly one window. x = 50 everywhere but 150 at the centre, y = x + 20 (same structure).
        // mu_x = 50 + 100 g0 with g0 the centre weight; sigma terms cancel (sigma_xy = sigma_x^2 = sigma_y^2),
        // so SSIM = (2 mu_x mu_y + C1) / (mu_x^2 + mu_y^2 + C1).
        double s = 0;
        for (int yy = -5; yy <= 5; yy++) for (int xx = -5; xx <= 5; xx++) s += Math.exp(-(xx * xx + yy * yy) / 4.5);
        double g0 = 1 / s;
        RgbImage x = grey(11, 11, 50), y = grey(11, 11, 70);
        for (int c = 0; c < 3; c++) {
            x.data()[(5 * 11 + 5) * 3 + c] = (byte) 150;
            y.data()[(5 * 11 + 5) * 3 + c] = (byte) 170;
        }
        double mx = 50 + 100 * g0, my = mx + 20;
        assertEquals((2 * mx * my + C1) / (mx * mx + my * my + C1), ImageQuality.ssim(x, y), 1e-9);
        // and y = 2x - 50 doubles the contrast: sigma_y = 2 sigma_x, sigma_xy = 2 sigma_x^2
        RgbImage z = grey(11, 11, 50);
        for (int c = 0; c < 3; c++) z.data()[(5 * 11 + 5) * 3 + c] = (byte) 250;
        double vx = 100 * 100 * g0 * (1 - g0); // variance of a two-valued window
        double mz = 50 + 200 * g0;
        double want = ((2 * mx * mz + C1) * (2 * 2 * vx + C2)) / ((mx * mx + mz * mz + C1) * (vx + 4 * vx + C2));
        assertEquals(want, ImageQuality.ssim(x, z), 1e-9);
    }

    @Test
    void holeSsimSeesOnlyTheDamage() {
        RgbImage a = noise(64, 64, 3);
        RgbImage b = new RgbImage(64, 64, a.data().clone());
        boolean[] mask = new boolean[64 * 64];
        for (int y = 20; y < 44; y++)
            for (int x = 20; x < 44; x++) {
                mask[y * 64 + x] = true;
                for (int c = 0; c < 3; c++) b.data()[(y * 64 + x) * 3 + c] = (byte) 255;
            }
        double whole = ImageQuality.ssim(a, b), hole = ImageQuality.ssim(a, b, mask);
        assertTrue(hole < whole, "hole " + hole + " whole " + whole);
        assertTrue(hole < 0.15, "white block over noise is structurally unrelated: " + hole);
        boolean[] outside = new boolean[64 * 64];
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) outside[y * 64 + x] = x < 9 || y < 9;
        assertEquals(1.0, ImageQuality.ssim(a, b, outside), 1e-12);
    }

    @Test
    void separableWindowIsTheElevenByElevenGaussian() {
        double[] g2 = ImageQuality.gaussian(), g1 = ImageQuality.gaussian1d();
        double sum = 0;
        for (int y = 0; y < 11; y++)
            for (int x = 0; x < 11; x++) {
                assertEquals(g2[y * 11 + x], g1[y] * g1[x], 1e-15);
                sum += g2[y * 11 + x];
            }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(Math.exp(-25 / 4.5) / Math.exp(0), g1[0] / g1[5], 1e-12); // sigma 1.5
    }

    static RgbImage noise(int w, int h, long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] d = new byte[w * h * 3];
        r.nextBytes(d);
        return new RgbImage(w, h, d);
    }
}
