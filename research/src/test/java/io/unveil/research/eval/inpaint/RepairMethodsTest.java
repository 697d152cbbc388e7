package io.unveil.research.eval.inpaint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import org.junit.jupiter.api.Test;

class RepairMethodsTest {
    private static RgbImage gradient() {
        byte[] d = new byte[128 * 128 * 3];
        for (int y = 0; y < 128; y++)
            for (int x = 0; x < 128; x++) {
                int i = (y * 128 + x) * 3;
                d[i] = (byte) x;
                d[i + 1] = (byte) y;
                d[i + 2] = (byte) 60;
            }
        return new RgbImage(128, 128, d);
    }

    @Test
    void blocksAreWhite48SquaresAndSeeded() {
        RgbImage face = gradient();
        Occluded c = LibraryOcclusion.centerBlock().apply(face, null, 1);
        assertEquals(48 * 48 / (128.0 * 128), c.ratio(), 1e-12);
        assertTrue(c.mask()[40 * 128 + 40] && c.mask()[87 * 128 + 87] && !c.mask()[39 * 128 + 40] && !c.mask()[88 * 128 + 87]);
        assertEquals(-1, c.image().data()[(64 * 128 + 64) * 3]);
        Occluded r1 = LibraryOcclusion.randomBlock().apply(face, null, 5), r2 = LibraryOcclusion.randomBlock().apply(face, null, 5);
        assertArrayEquals(r1.mask(), r2.mask());
        assertEquals(48 * 48 / (128.0 * 128), r1.ratio(), 1e-12);
        boolean differs = false;
        for (long s = 6; s < 12 && !differs; s++)
            differs = !java.util.Arrays.equals(r1.mask(), LibraryOcclusion.randomBlock().apply(face, null, s).mask());
        assertTrue(differs);
    }

    @Test
    void realisticProtocolChangesOnlyMaskedPixels() {
        RgbImage face = gradient();
        LibraryOcclusion p = LibraryOcclusion.parse("realistic");
        assertTrue(p.needsLandmarks());
        java.util.Set<Double> ratios = new java.util.HashSet<>();
        for (long seed = 0; seed < 6; seed++) {
            Occluded o = p.apply(face, null, seed);
            assertTrue(o.ratio() > 0.01 && o.ratio() < 0.9, "ratio " + o.ratio());
            ratios.add(o.ratio());
            for (int i = 0; i < o.mask().length; i++)
                if (!o.mask()[i]) assertEquals(face.data()[3 * i + 1], o.image().data()[3 * i + 1]);
        }
        assertTrue(ratios.size() > 1, "different seeds give different occluders");
        assertEquals("sunglasses", LibraryOcclusion.parse("SUNGLASSES").name());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> LibraryOcclusion.parse("paper-bag"));
    }

    @Test
    void openCvFillsTheHoleCloserThanWhiteAndKeepsTheRest() {
        RgbImage face = gradient();
        Occluded occ = LibraryOcclusion.centerBlock().apply(face, null, 1);
        for (OpenCvInpaint.Algorithm a : OpenCvInpaint.Algorithm.values()) {
            RgbImage fixed = new OpenCvInpaint(a, 3).repair(face, occ);
            double before = ImageQuality.psnr(face, occ.image(), occ.mask());
            double after = ImageQuality.psnr(face, fixed, occ.mask());
            assertTrue(after > before + 10, a + ": hole PSNR " + before + " -> " + after);
            // pixels outside the hole are untouched
            for (int p = 0; p < occ.mask().length; p++)
                if (!occ.mask()[p]) assertEquals(face.data()[3 * p], fixed.data()[3 * p]);
        }
        assertNotEquals(BaselineMethods.groundTruth().repair(face, occ), BaselineMethods.occluded().repair(face, occ));
    }
}
