package io.unveil.recognize.faceapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import io.unveil.core.image.RgbImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The differentiable path ID-GAN uses: same numbers as embed(), gradient to the input only. */
class RecognizerFeaturesTest {
    static RgbImage noise(int w, int h, long seed) {
        byte[] d = new byte[w * h * 3];
        new Random(seed).nextBytes(d);
        return new RgbImage(w, h, d);
    }

    static NDArray toNchw(NDManager m, RgbImage img) {
        float[] f = new float[3 * img.width() * img.height()];
        int plane = img.width() * img.height();
        for (int i = 0; i < plane; i++)
            for (int c = 0; c < 3; c++) f[c * plane + i] = img.data()[i * 3 + c] & 0xff;
        return m.create(f, new Shape(1, 3, img.height(), img.width()));
    }

    @Test
    void featuresOfA150ChipEqualEmbed() {
        FaceApiEmbedder e = Models.embedder();
        RgbImage chip = noise(150, 150, 7);
        float[] expected = e.embed(chip);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            RecognizerFeatures f = e.features(toNchw(m, chip));
            assertEquals(new Shape(1, 128), f.high().getShape());
            assertEquals(new Shape(1, 32, 35, 35), f.low().getShape());
            assertArrayEquals(expected, f.high().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void gradientReachesTheInputButNotTheWeights() {
        FaceApiEmbedder e = Models.embedder();
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = toNchw(m, noise(128, 128, 3)).concat(toNchw(m, noise(128, 128, 4)), 0);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                RecognizerFeatures f = e.features(x);
                assertEquals(new Shape(2, 128), f.high().getShape());
                assertEquals(new Shape(2, 32, 35, 35), f.low().getShape());
                gc.backward(f.high().square().sum().add(f.low().mean()));
            }
            NDArray g = x.getGradient();
            assertEquals(x.getShape(), g.getShape());
            assertTrue(g.abs().sum().getFloat() > 0f, "gradient must reach the input");
            for (Pair<String, Parameter> p : e.network().getParameters()) {
                assertFalse(p.getValue().requiresGradient(), p.getKey() + " must be frozen");
                assertFalse(p.getValue().getArray().hasGradient(), p.getKey() + " must get no gradient");
            }
        }
    }

    @Test
    void embedBatchesMatchSingleAndRejectBadInput() {
        FaceApiEmbedder e = Models.embedder();
        List<RgbImage> chips = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) chips.add(noise(150 + (i % 3) * 17, 150 - (i % 2) * 30, i)); // non-square too
        float[][] batch = e.embed(chips, 3); // chunks 3+3+1
        assertEquals(7, batch.length);
        for (int i : new int[]{0, 4, 6}) assertArrayEquals(e.embed(chips.get(i)), batch[i], 1e-4f);
        assertEquals(0, e.embed(List.of()).length);
        // degenerate chips (1x1, a 600x2 sliver) are padded and resized like any other: finite 128-D output
        for (float[] d : e.embed(List.of(noise(1, 1, 1), noise(600, 2, 2)))) {
            assertEquals(128, d.length);
            for (float v : d) assertTrue(Float.isFinite(v));
        }
        assertThrows(IllegalArgumentException.class, () -> e.embed(java.util.Arrays.asList((RgbImage) null)));
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            assertThrows(IllegalArgumentException.class, () -> e.features(m.zeros(new Shape(1, 1, 150, 150))));
        }
    }

    @Test
    void concurrentCallsGiveTheSameDescriptors() throws Exception {
        FaceApiEmbedder e = Models.embedder();
        List<RgbImage> a = List.of(noise(150, 150, 11), noise(150, 150, 12));
        List<RgbImage> b = List.of(noise(150, 150, 13));
        float[][] ea = e.embed(a), eb = e.embed(b);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(() -> e.embed(a));
            var fb = pool.submit(() -> e.embed(b));
            float[][] ra = fa.get(), rb = fb.get();
            for (int i = 0; i < ea.length; i++) assertArrayEquals(ea[i], ra[i], 1e-5f);
            assertArrayEquals(eb[0], rb[0], 1e-5f);
        } finally {
            pool.shutdown();
        }
    }
}
