package io.unveil.inpaint.idgan;

import java.util.Random;

/** Hole masks for the runtime tests (1 = hole): a square block at a random place, as the paper's protocol draws. */
final class TestMasks {
    private TestMasks() {
    }

    static float[] randomBlock(Random rnd, int size, int block) {
        float[] m = new float[size * size];
        int x0 = rnd.nextInt(size - block + 1), y0 = rnd.nextInt(size - block + 1);
        for (int y = y0; y < y0 + block; y++) for (int x = x0; x < x0 + block; x++) m[y * size + x] = 1f;
        return m;
    }
}
