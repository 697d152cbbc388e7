package io.unveil.research.train.idgan;

import java.util.Random;

/**
 * Hole masks on the 128x128 face (float, 1 = hole): the paper's random 48x48 block, the exact Euclidean distance
 * transform used by the spatially discounted loss, and the local critic's crop window.
 */
public final class Masks {
    public static final int BLOCK = 48;
    public static final int LOCAL = 64;
    /** The paper's discount factor: a hole pixel d pixels from the nearest known pixel weighs 0.99^d. */
    public static final double GAMMA = 0.99;

    private Masks() {
    }

    /** A random block x block hole fully inside a size x size face (margin 8 px so it covers face parts). */
    public static float[] randomBlock(Random rnd, int size, int block) {
        float[] m = new float[size * size];
        int margin = Math.min(8, (size - block) / 2);
        int x0 = margin + rnd.nextInt(size - block - 2 * margin + 1);
        int y0 = margin + rnd.nextInt(size - block - 2 * margin + 1);
        for (int y = y0; y < y0 + block; y++)
            for (int x = x0; x < x0 + block; x++) m[y * size + x] = 1f;
        return m;
    }

    /** Euclidean distance of every pixel to the nearest known (mask = 0) pixel; 0 on known pixels. */
    public static float[] distanceToKnown(float[] mask, int w, int h) {
        double inf = 1e20;
        double[] f = new double[Math.max(w, h)];
        double[] g = new double[w * h];
        for (int i = 0; i < w * h; i++) g[i] = mask[i] > 0.5f ? inf : 0;
        double[] d = new double[Math.max(w, h)];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) f[y] = g[y * w + x];
            edt1d(f, h, d);
            for (int y = 0; y < h; y++) g[y * w + x] = d[y];
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) f[x] = g[y * w + x];
            edt1d(f, w, d);
            for (int x = 0; x < w; x++) out[y * w + x] = (float) Math.sqrt(Math.min(d[x], inf));
        }
        return out;
    }

    /** Felzenszwalb-Huttenlocher 1-D squared distance transform of f[0..n) into d. */
    private static void edt1d(double[] f, int n, double[] d) {
        int[] v = new int[n];
        double[] z = new double[n + 1];
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            while (s <= z[k]) {
                k--;
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) k++;
            d[q] = (double) (q - v[k]) * (q - v[k]) + f[v[k]];
        }
    }

    /** Per-pixel weight of the discounted reconstruction loss: 1 on known pixels, 0.99^d in the hole. */
    public static float[] discountWeights(float[] mask, int w, int h) {
        float[] d = distanceToKnown(mask, w, h);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) out[i] = (float) Math.pow(GAMMA, d[i]);
        return out;
    }

    /**
     * Top-left corner of the local critic's 64x64 window, centred on the hole's bounding box and kept inside the face;
     * null when the hole's box does not fit in 64x64 (the local critic then sees the whole face downsampled 2x).
     */
    public static int[] localWindow(float[] mask, int size) {
        int minX = size, minY = size, maxX = -1, maxY = -1;
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                if (mask[y * size + x] > 0.5f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
        if (maxX < 0) return new int[] {(size - LOCAL) / 2, (size - LOCAL) / 2};
        if (maxX - minX + 1 > LOCAL || maxY - minY + 1 > LOCAL) return null;
        int cx = (minX + maxX + 1) / 2, cy = (minY + maxY + 1) / 2;
        int x0 = Math.max(0, Math.min(size - LOCAL, cx - LOCAL / 2));
        int y0 = Math.max(0, Math.min(size - LOCAL, cy - LOCAL / 2));
        return new int[] {x0, y0};
    }

    /** Share of hole pixels. */
    public static double ratio(float[] mask) {
        double s = 0;
        for (float v : mask) s += v > 0.5f ? 1 : 0;
        return s / mask.length;
    }
}
