package io.unveil.recognize.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.recognize.Embedder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusedEmbedderTest {
    /** An embedder that returns fixed descriptors, one per chip in order, and records whether it was closed. */
    static final class Fixed implements Embedder {
        final float[][] rows;
        boolean closed;

        Fixed(float[]... rows) {
            this.rows = rows;
        }

        @Override
        public float[][] embed(List<RgbImage> chips) {
            return java.util.Arrays.copyOf(rows, chips.size());
        }

        @Override
        public String modelVersion() {
            return "fixed" + rows[0].length;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double centredCosine(float[] a, float[] b, float[] c) {
        double[] x = new double[a.length], y = new double[b.length];
        double na = Math.sqrt(dot(a, a)), nb = Math.sqrt(dot(b, b));
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i] / na - c[i];
            y[i] = b[i] / nb - c[i];
        }
        double s = 0, sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
            sx += x[i] * x[i];
            sy += y[i] * y[i];
        }
        return s / Math.sqrt(sx * sy);
    }

    @Test
    void theCosineOfTwoFusedDescriptorsIsTheMeanOfTheCentredCosines() {
        float[] a1 = {3, 1, 0}, a2 = {2, 2, 1}, ca = {0.5f, 0.2f, 0};
        float[] b1 = {1, 0, 0, 2}, b2 = {0, 1, 1, 2}, cb = {0.1f, 0.1f, 0.1f, 0.6f};
        RgbImage chip = new RgbImage(150, 150, new byte[150 * 150 * 3]);
        Fixed first = new Fixed(a1, a2), second = new Fixed(b1, b2);
        try (FusedEmbedder f = new FusedEmbedder(first, ca, second, cb)) {
            float[][] d = f.embed(List.of(chip, chip));
            assertEquals(7, d[0].length);
            assertEquals(1, dot(d[0], d[0]), 1e-6);
            assertEquals(1, dot(d[1], d[1]), 1e-6);
            assertEquals((centredCosine(a1, a2, ca) + centredCosine(b1, b2, cb)) / 2, dot(d[0], d[1]), 1e-6);
            assertEquals("fused(fixed3 + fixed4)", f.modelVersion());
            assertTrue(f.centred() && !first.centred(), "the fused space is centred, a plain embedder's is not");
            assertTrue(new io.unveil.recognize.FlipAveragedEmbedder(f).centred(), "the flip wrapper keeps it");
        }
        assertTrue(first.closed && second.closed, "closing the pair closes both networks");
    }

    @Test
    void mismatchedCentresAndDegenerateDescriptorsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FusedEmbedder.fuse(new float[]{1, 0}, new float[]{0, 0, 0}, new float[]{1}, new float[]{0}));
        assertEquals("descriptor sizes 2/1 do not match the centres' 3/1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FusedEmbedder.fuse(new float[]{0, 0}, new float[]{0, 0}, new float[]{1}, new float[]{0}));
        assertEquals("vector has zero or non-finite norm", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FusedEmbedder.fuse(new float[]{1, 0}, new float[]{1, 0}, new float[]{1}, new float[]{0}));
        assertEquals("a descriptor equal to the centre has no direction", e.getMessage());
    }

    @Test
    void theBundledCentresHoldOneRowPerNetwork() {
        Map<String, float[]> c = FusedRecognizer.centres();
        assertEquals(List.of("robust", "mobilefacenet"), List.copyOf(c.keySet()));
        assertEquals(128, c.get("robust").length);
        assertEquals(MobileFaceNetEmbedder.DESCRIPTOR_SIZE, c.get("mobilefacenet").length);
        // a mean of unit vectors: shorter than 1
        assertTrue(dot(c.get("robust"), c.get("robust")) < 1 && dot(c.get("mobilefacenet"), c.get("mobilefacenet")) < 1);
    }
}
