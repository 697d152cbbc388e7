package io.unveil.recognize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** recognize.flip-average: each chip and its mirror in one batch, the unit descriptors averaged. */
class FlipAveragedEmbedderTest {
    /** Descriptor = (first pixel's red, last pixel's red): a chip and its mirror differ exactly there. */
    static final class EdgeEmbedder implements Embedder {
        final List<Integer> batches = new ArrayList<>();
        boolean closed;

        @Override
        public float[][] embed(List<RgbImage> chips) {
            batches.add(chips.size());
            float[][] out = new float[chips.size()][];
            for (int i = 0; i < out.length; i++) {
                byte[] d = chips.get(i).data();
                out[i] = new float[]{d[0] & 0xff, d[d.length - 3] & 0xff};
            }
            return out;
        }

        @Override
        public String modelVersion() {
            return "edge";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void averagesTheUnitDescriptorsOfEachChipAndItsMirrorInOneBatch() {
        byte[] px = new byte[2 * 1 * 3];
        px[0] = 30; // left pixel red 30, right pixel red 0: the mirror has them swapped
        EdgeEmbedder inner = new EdgeEmbedder();
        FlipAveragedEmbedder e = new FlipAveragedEmbedder(inner);
        float[][] d = e.embed(List.of(new RgbImage(2, 1, px), new RgbImage(2, 1, px)));
        assertEquals(List.of(4), inner.batches, "both chips and both mirrors in one pass");
        // (1, 0) and (0, 1) averaged
        assertArrayEquals(new float[]{0.5f, 0.5f}, d[0], 1e-6f);
        assertArrayEquals(d[0], d[1], 0f);
        assertEquals("edge +flip", e.modelVersion());
        e.close();
        assertTrue(inner.closed);
    }
}
