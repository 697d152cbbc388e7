package io.unveil.recognize.fused;

import io.unveil.core.image.RgbImage;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.match.Vectors;
import java.util.List;

/**
 * Two recognizers as one ({@code recognize.model=fused}): each network's descriptor unit-normalised, centred on that
 * network's own mean over TRAIN identities' plain photos, unit-normalised again, the two concatenated and divided by
 * sqrt 2, so the cosine of two fused descriptors is the mean of the two networks' centred cosines. The centring is what
 * makes the pair work: robust-v3's descriptors share one direction (mean unit descriptor norm 0.91, MobileFaceNet's
 * 0.14), which squeezes its raw cosines into a narrow band, so uncentred the pair scores like MobileFaceNet alone
 * (docs/rules/2026-12-06-mobilefacenet.md). Closing it closes both networks.
 */
public final class FusedEmbedder implements Embedder {
    private final Embedder first, second;
    private final float[] firstCentre, secondCentre;

    public FusedEmbedder(Embedder first, float[] firstCentre, Embedder second, float[] secondCentre) {
        this.first = first;
        this.second = second;
        this.firstCentre = firstCentre.clone();
        this.secondCentre = secondCentre.clone();
    }

    @Override
    public float[][] embed(List<RgbImage> chips) {
        float[][] a = first.embed(chips), b = second.embed(chips);
        float[][] out = new float[chips.size()][];
        for (int i = 0; i < out.length; i++) out[i] = fuse(a[i], firstCentre, b[i], secondCentre);
        return out;
    }

    /** The fused descriptor of one face (unit length). */
    static float[] fuse(float[] a, float[] ca, float[] b, float[] cb) {
        if (a.length != ca.length || b.length != cb.length)
            throw new IllegalArgumentException("descriptor sizes " + a.length + "/" + b.length + " do not match the centres' "
                    + ca.length + "/" + cb.length);
        float[] out = new float[a.length + b.length];
        double k = 1 / Math.sqrt(2);
        centred(a, ca, out, 0, k);
        centred(b, cb, out, a.length, k);
        return out;
    }

    private static void centred(float[] v, float[] c, float[] out, int at, double k) {
        float[] u = Vectors.normalized(v);
        for (int i = 0; i < u.length; i++) u[i] -= c[i];
        if (!(Vectors.norm(u) > 1e-12f)) throw new IllegalArgumentException("a descriptor equal to the centre has no direction");
        float[] d = Vectors.normalized(u);
        for (int i = 0; i < d.length; i++) out[at + i] = (float) (d[i] * k);
    }

    /** Both halves are centred on their network's mean. */
    @Override
    public boolean centred() {
        return true;
    }

    @Override
    public String modelVersion() {
        return "fused(" + first.modelVersion() + " + " + second.modelVersion() + ")";
    }

    @Override
    public void close() {
        try {
            first.close();
        } finally {
            second.close();
        }
    }
}
