package io.unveil.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TfLayersTest {
    @BeforeAll
    static void init() {
        Djl.init();
    }

    @Test
    void samePaddingPutsTheExtraPixelAfter() {
        assertArrayEquals(new int[]{0, 1}, TfPadding.same(112, 3, 2));
        assertArrayEquals(new int[]{1, 1}, TfPadding.same(111, 3, 2));
        assertArrayEquals(new int[]{1, 1}, TfPadding.same(35, 3, 1));
        assertArrayEquals(new int[]{0, 1}, TfPadding.same(207, 2, 2));
        assertArrayEquals(new int[]{0, 0}, TfPadding.same(26, 2, 2));
        assertArrayEquals(new int[]{0, 1}, TfPadding.same(13, 2, 1));
        assertEquals(104, TfPadding.sameOut(207, 2));
    }

    @Test
    void permuteHwioToOihw() {
        // shape [kh=1,kw=2,in=2,out=3], value = 100*kw + 10*in + out
        float[] d = new float[12];
        int i = 0;
        for (int kw = 0; kw < 2; kw++) for (int in = 0; in < 2; in++) for (int o = 0; o < 3; o++) d[i++] = 100 * kw + 10 * in + o;
        float[] p = TfWeights.permute(d, new int[]{1, 2, 2, 3}, 3, 2, 0, 1);
        // [out=3,in=2,kh=1,kw=2]
        i = 0;
        for (int o = 0; o < 3; o++) for (int in = 0; in < 2; in++) for (int kw = 0; kw < 2; kw++) assertEquals(100 * kw + 10 * in + o, p[i++]);
    }

    /** 3x3 stride-2 'same' on a 4x4 input equals a hand computation with TF's bottom/right padding. */
    @Test
    void sameStride2ConvMatchesHandComputation() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] img = new float[16];
            for (int k = 0; k < 16; k++) img[k] = k + 1;
            float[] filt = new float[9];
            for (int k = 0; k < 9; k++) filt[k] = k - 4;
            TfConv2d conv = new TfConv2d(3, 2, TfConv2d.Padding.SAME, 1, true)
                    .load(m, new WeightTensor("f", new int[]{3, 3, 1, 1}, filt), new WeightTensor("b", new int[]{1}, new float[]{0.5f}));
            NDArray x = m.create(img, new Shape(1, 1, 4, 4));
            NDArray y = conv.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(1, 1, 2, 2), y.getShape());
            float[] out = y.toFloatArray();
            for (int oy = 0; oy < 2; oy++) {
                for (int ox = 0; ox < 2; ox++) {
                    float acc = 0.5f;
                    for (int ky = 0; ky < 3; ky++) for (int kx = 0; kx < 3; kx++) {
                        int iy = oy * 2 + ky, ix = ox * 2 + kx; // pad top/left = 0, bottom/right = 1
                        if (iy < 4 && ix < 4) acc += img[iy * 4 + ix] * filt[ky * 3 + kx];
                    }
                    assertEquals(acc, out[oy * 2 + ox], 1e-4, "at " + oy + "," + ox);
                }
            }
        }
    }

    @Test
    void maxPoolSameIgnoresPadding() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.create(new float[]{-5, -6, -7, -8, -9, -1, -2, -3, -4}, new Shape(1, 1, 3, 3));
            NDArray y = TfPadding.maxPoolSame(x, 2, 2);
            assertEquals(new Shape(1, 1, 2, 2), y.getShape());
            assertArrayEquals(new float[]{-5, -1, -2, -4}, y.toFloatArray());
        }
    }

    /** The strided-view max pool equals PyTorch's max_pool2d on the explicitly padded input. */
    @Test
    void maxPoolSameEqualsMaxPool2dOnPaddedInput() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            for (int[] c : new int[][]{{13, 2, 1}, {207, 2, 2}, {26, 2, 2}, {15, 3, 2}, {8, 3, 1}}) {
                int size = c[0], k = c[1], st = c[2];
                NDArray x = m.randomNormal(new Shape(2, 3, size, size + 1));
                NDArray padded = TfPadding.padSame(x, k, k, st, st, Double.NEGATIVE_INFINITY);
                NDArray want = ai.djl.nn.pooling.Pool.maxPool2d(padded, new Shape(k, k), new Shape(st, st), new Shape(0, 0), false);
                NDArray got = TfPadding.maxPoolSame(x, k, st);
                assertEquals(want.getShape(), got.getShape(), "shape for " + java.util.Arrays.toString(c));
                assertArrayEquals(want.toFloatArray(), got.toFloatArray(), 0f, "values for " + java.util.Arrays.toString(c));
            }
        }
    }
}
