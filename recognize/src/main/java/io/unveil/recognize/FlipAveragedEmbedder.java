package io.unveil.recognize;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code recognize.flip-average}: each chip's descriptor is the mean of the unit descriptors of the chip and of its mirror
 * image, both in one batch of the wrapped recognizer (twice its work). A face is the same person mirrored; what the
 * two passes disagree on (a half-face occluder's edge, an alignment error to one side) averages out. The gallery enrolls
 * with the same setting, and a calibration made with it belongs to it (its version says "+flip").
 */
public final class FlipAveragedEmbedder implements Embedder {
    private final Embedder inner;

    public FlipAveragedEmbedder(Embedder inner) {
        this.inner = inner;
    }

    @Override
    public float[][] embed(List<RgbImage> chips) {
        List<RgbImage> both = new ArrayList<>(chips.size() * 2);
        for (RgbImage c : chips) {
            both.add(c);
            both.add(Images.mirror(c));
        }
        float[][] d = inner.embed(both);
        float[][] out = new float[chips.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] a = d[2 * i], b = d[2 * i + 1], m = new float[a.length];
            double na = norm(a), nb = norm(b);
            for (int k = 0; k < m.length; k++) m[k] = (float) (0.5 * (a[k] / na + b[k] / nb));
            out[i] = m;
        }
        return out;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += x * x;
        return Math.max(1e-12, Math.sqrt(s));
    }

    @Override
    public boolean centred() {
        return inner.centred();
    }

    @Override
    public String modelVersion() {
        return inner.modelVersion() + " +flip";
    }

    @Override
    public void close() {
        inner.close();
    }
}
