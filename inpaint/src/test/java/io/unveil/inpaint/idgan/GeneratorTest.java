package io.unveil.inpaint.idgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.model.Djl;
import io.unveil.inpaint.prior.FacePrior;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plain, mirror and prior generators: input layout, weight-file header, and a smaller file initialising a larger network. */
class GeneratorTest {
    @BeforeAll
    static void engine() {
        Djl.init();
    }

    private static NDArray faces(NDManager m, long seed) {
        Random r = new Random(seed);
        float[] v = new float[2 * 3 * 128 * 128];
        for (int i = 0; i < v.length; i++) v[i] = r.nextFloat();
        return m.create(v, new Shape(2, 3, 128, 128));
    }

    private static NDArray masks(NDManager m) {
        Random r = new Random(3);
        float[] v = new float[2 * 128 * 128];
        System.arraycopy(TestMasks.randomBlock(r, 128, 48), 0, v, 0, 128 * 128);
        System.arraycopy(TestMasks.randomBlock(r, 128, 48), 0, v, 128 * 128, 128 * 128);
        return m.create(v, new Shape(2, 1, 128, 128));
    }

    private static byte[] bytes(Generator g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.params().save(out);
        return out.toByteArray();
    }

    @Test
    void mirrorInputAddsTheFlippedFaceAndMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = faces(m, 1), mk = masks(m);
            Generator g = new Generator(m, 4, 1, true);
            NDArray in = g.input(y, mk);
            assertEquals(new Shape(2, 8, 128, 128), in.getShape());
            float[] a = in.toFloatArray();
            int plane = 128 * 128;
            for (int n = 0; n < 2; n++)
                for (int c = 0; c < 4; c++)
                    for (int row : new int[]{0, 37, 127})
                        for (int x : new int[]{0, 5, 64, 127}) {
                            float direct = a[(n * 8 + c) * plane + row * 128 + (127 - x)];
                            float flipped = a[(n * 8 + 4 + c) * plane + row * 128 + x];
                            assertEquals(direct, flipped, 0f, "channel " + c + " row " + row + " x " + x);
                        }
            assertEquals(new Shape(2, 4, 128, 128), new Generator(m, 4, 1).input(y, mk).getShape());
        }
    }

    @Test
    void aPlainFileStartsAMirrorGeneratorAtTheSameOutput() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = faces(m, 2), mk = masks(m);
            Generator plain = new Generator(m, 4, 11);
            byte[] file = bytes(plain);
            assertFalse(Generator.header(file).mirror());
            assertEquals(4, Generator.header(file).width());

            Generator mirror = new Generator(m, 4, 99, true);
            float[] before = mirror.inpaint(y, mk, false).toFloatArray();
            mirror.load(file);
            float[] want = plain.inpaint(y, mk, false).toFloatArray();
            float[] got = mirror.inpaint(y, mk, false).toFloatArray();
            assertArrayEquals(want, got, 1e-5f);
            boolean differed = false;
            for (int i = 0; i < want.length && !differed; i++) differed = Math.abs(before[i] - want[i]) > 1e-3f;
            assertTrue(differed, "the mirror generator's own initial weights gave another output");

            byte[] mirrorFile = bytes(mirror);
            assertTrue(Generator.header(mirrorFile).mirror());
            Generator reloaded = Generator.load(m, mirrorFile);
            assertTrue(reloaded.mirror());
            assertArrayEquals(got, reloaded.inpaint(y, mk, false).toFloatArray(), 1e-6f);
            assertThrows(IOException.class, () -> new Generator(m, 4, 1).load(mirrorFile));
            assertThrows(IOException.class, () -> new Generator(m, 8, 1, true).load(file));
        }
    }

    @Test
    void flipAveragingMakesTheFillExactlyMirrorEquivariantAndKeepsKnownPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = faces(m, 4), mk = masks(m);
            Generator g = new Generator(m, 4, 21);
            float[] plain = g.inpaint(y.flip(3), mk.flip(3), false).flip(3).toFloatArray();
            float[] plainDirect = g.inpaint(y, mk, false).toFloatArray();
            float maxPlain = 0;
            for (int i = 0; i < plain.length; i++) maxPlain = Math.max(maxPlain, Math.abs(plain[i] - plainDirect[i]));
            assertTrue(maxPlain > 1e-3f, "a plain generator is not mirror-equivariant (max difference " + maxPlain + ")");

            float[] direct = g.inpaintFlipAveraged(y, mk).toFloatArray();
            float[] mirrored = g.inpaintFlipAveraged(y.flip(3), mk.flip(3)).flip(3).toFloatArray();
            assertArrayEquals(direct, mirrored, 1e-5f);
            float[] known = y.toFloatArray(), hole = mk.toFloatArray();
            int hw = 128 * 128;
            for (int i = 0; i < direct.length; i++) {
                int n = i / (3 * hw), p = i % hw;
                if (hole[n * hw + p] == 0) assertEquals(known[i], direct[i], 1e-6f);
            }
        }
    }

    /** A one-component prior at 16x16: the mean grey face plus a uniform brightness. */
    private static FacePrior brightnessPrior() throws IOException {
        int dim = 3 * 16 * 16;
        float[] mean = new float[dim], basis = new float[dim];
        java.util.Arrays.fill(mean, 0.5f);
        java.util.Arrays.fill(basis, (float) (1 / Math.sqrt(dim)));
        return FacePrior.of(FacePrior.tensors(16, mean, basis, new float[] {1f}, 1e-4f), "test-prior");
    }

    @Test
    void aPriorGeneratorGetsThePriorFilledFaceAndAPlainOrMirrorFileStartsItAtTheSameOutput() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = faces(m, 5), mk = masks(m);
            FacePrior prior = brightnessPrior();
            Generator g = new Generator(m, 4, 7, false, prior);
            NDArray in = g.input(y, mk);
            assertEquals(new Shape(2, 7, 128, 128), in.getShape());
            float[] a = in.toFloatArray(), face = y.toFloatArray(), hole = mk.toFloatArray();
            int plane = 128 * 128;
            for (int n = 0; n < 2; n++) {
                float[] chw = java.util.Arrays.copyOfRange(Generator.filled(y, mk).toFloatArray(), n * 3 * plane, (n + 1) * 3 * plane);
                float[] want = prior.fill(chw, java.util.Arrays.copyOfRange(hole, n * plane, (n + 1) * plane));
                for (int c = 0; c < 3; c++)
                    for (int p = 0; p < plane; p += 97) {
                        assertEquals(want[c * plane + p], a[(n * 7 + 4 + c) * plane + p], 1e-6f);
                        if (hole[n * plane + p] == 0) assertEquals(face[(n * 3 + c) * plane + p], a[(n * 7 + 4 + c) * plane + p], 1e-6f);
                    }
            }
            Generator plain = new Generator(m, 4, 11);
            byte[] file = bytes(plain);
            g.load(file);
            assertArrayEquals(plain.inpaint(y, mk, false).toFloatArray(), g.inpaint(y, mk, false).toFloatArray(), 1e-5f);
            byte[] priorFile = bytes(g);
            assertTrue(Generator.header(priorFile).prior());
            assertFalse(Generator.header(priorFile).mirror());
            assertThrows(IOException.class, () -> new Generator(m, 4, 1).load(priorFile));
            assertThrows(IOException.class, () -> new Generator(m, 4, 1, true, prior).load(priorFile)); // not a prefix of its layout

            Generator mirror = new Generator(m, 4, 12, true);
            Generator both = new Generator(m, 4, 13, true, prior);
            both.load(bytes(mirror));
            assertEquals(11, Generator.header(bytes(both)).inputs());
            assertArrayEquals(mirror.inpaint(y, mk, false).toFloatArray(), both.inpaint(y, mk, false).toFloatArray(), 1e-5f);
        }
    }
}
