package io.unveil.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TfLayoutTest {
    @Test
    void convFilterHwioBecomesOihw() {
        // kh=1, kw=2, in=2, out=3: value encodes (h,w,i,o) as w*100 + i*10 + o
        float[] hwio = new float[12];
        for (int w = 0; w < 2; w++)
            for (int i = 0; i < 2; i++)
                for (int o = 0; o < 3; o++) hwio[(w * 2 + i) * 3 + o] = w * 100 + i * 10 + o;
        float[] oihw = TfLayout.convToOihw(new WeightTensor("f", new int[]{1, 2, 2, 3}, hwio));
        for (int o = 0; o < 3; o++)
            for (int i = 0; i < 2; i++)
                for (int w = 0; w < 2; w++) assertEquals(w * 100 + i * 10 + o, oihw[(o * 2 + i) * 2 + w]);
    }

    @Test
    void depthwiseAndDense() {
        // [kh=1,kw=2,C=2,1]: value = w*10 + c
        float[] dw = {0, 1, 10, 11};
        assertArrayEquals(new float[]{0, 10, 1, 11}, TfLayout.depthwiseToOihw(new WeightTensor("d", new int[]{1, 2, 2, 1}, dw)));
        // [in=2, out=3] row-major -> [out=3, in=2]
        float[] dense = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new float[]{1, 4, 2, 5, 3, 6}, TfLayout.denseToOutIn(new WeightTensor("fc", new int[]{2, 3}, dense)));
    }

    @Test
    void tfSamePaddingIsAsymmetricForStrideTwo() {
        assertEquals(1, TfLayout.samePadTotal(150, 3, 2)); // out 75: 74*2+3-150
        assertEquals(0, TfLayout.samePadBefore(150, 3, 2));
        assertEquals(1, TfLayout.samePadAfter(150, 3, 2));
        assertEquals(2, TfLayout.samePadTotal(151, 3, 2));
        assertEquals(1, TfLayout.samePadBefore(151, 3, 2));
        assertEquals(2, TfLayout.samePadTotal(10, 3, 1));
        assertEquals(0, TfLayout.samePadTotal(4, 1, 1));
    }

    @Test
    void foldsScaleIntoOutputChannels() {
        assertArrayEquals(new float[]{2, 4, -3, -6}, TfLayout.scaleOutputChannels(new float[]{1, 2, 1, 2}, new float[]{2, -3}));
    }
}
