package io.unveil.recognize.testing;

import io.unveil.core.image.RgbImage;
import io.unveil.recognize.Embedder;
import java.util.List;

/**
 * Test double for the face recognizer: a deterministic 128-D descriptor of a chip, the mean-centred red and green
 * averages over an 8x8 grid. Chips drawn by {@link PatternFaces} for the same "person" (same seed) with small noise
 * land close together; different persons are nearly orthogonal. Counts its calls so tests can check batching.
 */
public final class PatternEmbedder implements Embedder {
    public int calls;
    public int images;

    @Override
    public float[][] embed(List<RgbImage> chips) {
        calls++;
        images += chips.size();
        float[][] out = new float[chips.size()][];
        for (int i = 0; i < chips.size(); i++) out[i] = describe(chips.get(i));
        return out;
    }

    static float[] describe(RgbImage img) {
        float[] v = new float[128];
        int[] n = new int[64];
        for (int y = 0; y < img.height(); y++) {
            int gy = y * 8 / img.height();
            for (int x = 0; x < img.width(); x++) {
                int cell = gy * 8 + x * 8 / img.width();
                v[cell] += img.r(x, y);
                v[64 + cell] += img.g(x, y);
                n[cell]++;
            }
        }
        float mean = 0;
        for (int c = 0; c < 64; c++) {
            v[c] /= n[c];
            v[64 + c] /= n[c];
            mean += v[c] + v[64 + c];
        }
        mean /= 128;
        for (int i = 0; i < 128; i++) v[i] -= mean;
        return v;
    }

    @Override
    public String modelVersion() {
        return "pattern-test-embedder";
    }

    @Override
    public void close() {
    }
}
