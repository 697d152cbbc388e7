package io.unveil.inpaint.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Tensors;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The MAP completion of the face prior on a synthetic two-component model whose faces it can represent exactly. */
class FacePriorTest {
    static final int RES = 32;

    static FacePrior synthetic(float noise) {
        float[] mean = new float[3 * RES * RES];
        java.util.Arrays.fill(mean, 0.5f);
        return new FacePrior(RES, mean, basisOf(), new float[] {4f, 1f}, noise, "synthetic");
    }

    /** A 128x128 face that is exactly mean + c0 b0 + c1 b1 at 32x32, each low-resolution pixel a 4x4 block. */
    static float[] face(double c0, double c1) {
        float[] full = new float[3 * 128 * 128];
        int rp = RES * RES, dim = 3 * rp;
        float[] b = basisOf();
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 128; y++)
                for (int x = 0; x < 128; x++) {
                    int d = c * rp + (y / 4) * RES + x / 4;
                    full[c * 128 * 128 + y * 128 + x] = (float) (0.5 + c0 * b[d] + c1 * b[dim + d]);
                }
        return full;
    }

    /** Two orthonormal components at 32x32: a vertical and a horizontal ramp (zero mean, unit norm), on all channels. */
    private static float[] basisOf() {
        int rp = RES * RES, dim = 3 * rp;
        float[] basis = new float[2 * dim];
        double n0 = 0, n1 = 0;
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < RES; y++)
                for (int x = 0; x < RES; x++) {
                    n0 += Math.pow(y - (RES - 1) / 2.0, 2);
                    n1 += Math.pow(x - (RES - 1) / 2.0, 2);
                }
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < RES; y++)
                for (int x = 0; x < RES; x++) {
                    basis[c * rp + y * RES + x] = (float) ((y - (RES - 1) / 2.0) / Math.sqrt(n0));
                    basis[dim + c * rp + y * RES + x] = (float) ((x - (RES - 1) / 2.0) / Math.sqrt(n1));
                }
        return basis;
    }

    static float[] block(int x0, int y0, int size) {
        float[] m = new float[128 * 128];
        for (int y = y0; y < y0 + size; y++)
            for (int x = x0; x < x0 + size; x++) m[y * 128 + x] = 1f;
        return m;
    }

    @Test
    void aFaceTheModelHoldsIsCompletedFromItsVisiblePixelsAsFromTheWholeFace() {
        FacePrior p = synthetic(1e-6f);
        float[] face = face(3.0, -2.0);
        float[] hole = block(40, 60, 48);
        float[] whole = p.complete(face, new float[128 * 128]);
        float[] white = face.clone();
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < hole.length; i++) if (hole[i] > 0) white[c * 128 * 128 + i] = 1f; // the hole's content is not read
        float[] fromVisible = p.complete(white, hole);
        assertArrayEquals(whole, fromVisible, 1e-4f);
        // and the fill is the face's own ramp, not white: a pixel in the hole's middle
        int mid = 84 * 128 + 64;
        assertTrue(fromVisible[mid] < 0.9f, "the hole is filled with the model face, got " + fromVisible[mid]);
    }

    @Test
    void fillKeepsEveryKnownValueAndAHiddenFaceFallsBackToTheMean() {
        FacePrior p = synthetic(1e-3f);
        float[] face = face(1.0, 0.5);
        float[] hole = block(10, 10, 48);
        float[] filled = p.fill(face, hole);
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < hole.length; i++)
                if (hole[i] == 0) assertEquals(face[c * 128 * 128 + i], filled[c * 128 * 128 + i], 0f);
        float[] all = new float[128 * 128];
        java.util.Arrays.fill(all, 1f);
        for (float v : p.complete(face, all)) assertEquals(0.5f, v, 1e-6f); // nothing visible: the prior mean
    }

    @Test
    void moreNoiseShrinksTheCoefficientsTowardsTheMean() {
        float[] face = face(3.0, 0);
        float[] hole = block(0, 0, 96);
        int probe = 20 * 128 + 20; // inside the hole, far from the mean's 0.5
        float sharp = synthetic(1e-6f).complete(face, hole)[probe];
        float shrunk = synthetic(10f).complete(face, hole)[probe];
        assertTrue(Math.abs(shrunk - 0.5f) < Math.abs(sharp - 0.5f), sharp + " vs " + shrunk);
    }

    @Test
    void theInpainterKeepsKnownPixelsBitExactAndRefusesWrongMasks() {
        PriorInpainter in = new PriorInpainter(synthetic(1e-4f));
        Random r = new Random(5);
        byte[] d = new byte[128 * 128 * 3];
        r.nextBytes(d);
        RgbImage img = new RgbImage(128, 128, d);
        float[] hole = block(30, 30, 48);
        RgbImage out = in.repair(List.of(img), List.of(hole)).get(0);
        for (int p = 0; p < hole.length; p++)
            if (hole[p] == 0) for (int c = 0; c < 3; c++) assertEquals(d[p * 3 + c], out.data()[p * 3 + c]);
        assertThrows(IllegalArgumentException.class, () -> in.repair(List.of(img), List.of(new float[10])));
        assertEquals(3 * 128 * 128, Tensors.chw(out).length);
    }

    @Test
    void aFileWithoutItsTensorsIsRefused() {
        assertThrows(java.io.IOException.class, () -> FacePrior.of(List.of(), "empty"));
    }

    @Test
    void theCommittedPriorLoadsWithTheShapeItsCardStates() throws Exception {
        // its bytes against the card's sha256 and size: BundledWeightsTest
        String card;
        try (var in = FacePrior.class.getResourceAsStream("/io/unveil/inpaint/prior/MODEL_CARD.md")) {
            card = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(card.contains("training-identities: IdentitySplit TRAIN"));
        assertTrue(card.contains("mean + 64 components at 64x64"));
        FacePrior p = FacePrior.bundled();
        assertEquals(64, p.components());
        assertEquals(64, p.resolution());
    }
}
