package io.unveil.inpaint.idgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The committed generator loads, keeps known pixels bit-exact and fills the hole with something face-like. */
class InpainterTest {
    @Test
    void committedGeneratorRepairsOnlyTheHole() {
        repairsOnlyTheHole(Inpainter.load("cpu"));
    }

    /** The prior-input generator (inpaint.generator=prior-idgan) the same way, and it takes the face prior as input. */
    @Test
    void committedPriorGeneratorRepairsOnlyTheHole() {
        try (Inpainter in = Inpainter.loadResource(Inpainter.PRIOR_RESOURCE, "cpu", false)) {
            assertTrue(in.model().contains(" + "), "a prior generator names its prior: " + in.model());
        }
        repairsOnlyTheHole(Inpainter.loadResource(Inpainter.PRIOR_RESOURCE, "cpu", false));
    }

    private static void repairsOnlyTheHole(Inpainter inpainter) {
        try (Inpainter in = inpainter) {
            byte[] d = new byte[128 * 128 * 3];
            for (int i = 0; i < d.length; i += 3) {
                d[i] = (byte) 200;
                d[i + 1] = (byte) 150;
                d[i + 2] = (byte) 120;
            }
            RgbImage face = new RgbImage(128, 128, d);
            float[] mask = TestMasks.randomBlock(new Random(5), 128, 48);
            byte[] occ = d.clone();
            for (int p = 0; p < mask.length; p++) if (mask[p] > 0) occ[p * 3] = occ[p * 3 + 1] = occ[p * 3 + 2] = (byte) 255;
            List<RgbImage> out = in.repair(List.of(new RgbImage(128, 128, occ), new RgbImage(128, 128, occ)),
                    List.of(mask, mask));
            assertEquals(2, out.size());
            long white = 0;
            for (int p = 0; p < mask.length; p++) {
                if (mask[p] == 0) assertEquals(occ[p * 3 + 1], out.get(0).data()[p * 3 + 1]);
                else if ((out.get(0).data()[p * 3 + 1] & 0xff) > 250) white++;
            }
            assertTrue(white < 48 * 48 / 2, "the hole is filled, not left white (" + white + " white px)");
            assertTrue(in.model().contains("w16"), in.model());
        }
    }

    @Test
    void rejectsMismatchedInput() {
        try (Inpainter in = Inpainter.load("cpu")) {
            RgbImage face = new RgbImage(128, 128, new byte[128 * 128 * 3]);
            assertThrows(IllegalArgumentException.class, () -> in.repair(List.of(face), List.of()));
            assertThrows(IllegalArgumentException.class, () -> in.repair(List.of(face), List.of(new float[10])));
        }
    }
}
