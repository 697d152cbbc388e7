package io.unveil.recognize.match;

/** Small float-vector helpers used by matching, fusion and clustering. */
public final class Vectors {
    private Vectors() {
    }

    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return (float) s;
    }

    public static float norm(float[] a) {
        double s = 0;
        for (float v : a) s += v * v;
        return (float) Math.sqrt(s);
    }

    /** A unit-length copy; throws for a zero or non-finite vector (it cannot be compared by cosine). */
    public static float[] normalized(float[] a) {
        float n = norm(a);
        if (!(n > 1e-12f) || !Float.isFinite(n)) throw new IllegalArgumentException("vector has zero or non-finite norm");
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] / n;
        return out;
    }

    /**
     * The vector in the matching space: unit-normalized, minus the population mean of unit descriptors
     * ({@code center}, from calibration; null = no centering), unit-normalized again. Face descriptors share a large
     * common component; removing it spreads impostor similarities around 0, so fusing frames moves impostors away
     * from every identity instead of towards all of them.
     */
    public static float[] centered(float[] v, float[] center) {
        float[] u = normalized(v);
        if (center == null) return u;
        if (center.length != u.length) throw new IllegalArgumentException("center has " + center.length + " dimensions, vector " + u.length);
        for (int i = 0; i < u.length; i++) u[i] -= center[i];
        return normalized(u);
    }

    public static float cosine(float[] a, float[] b) {
        float na = norm(a), nb = norm(b);
        if (na == 0f || nb == 0f) return 0f;
        return dot(a, b) / (na * nb);
    }

    /** acc += w * v */
    public static void addScaled(float[] acc, float[] v, float w) {
        if (acc.length != v.length) throw new IllegalArgumentException("dimension mismatch: " + acc.length + " vs " + v.length);
        for (int i = 0; i < acc.length; i++) acc[i] += w * v[i];
    }

    /** Mean of the unit-length descriptors: the centre that {@code CentroidMatcher.of(gallery, center)} subtracts. */
    public static float[] meanOfNormalized(Iterable<float[]> descriptors) {
        float[] c = null;
        int n = 0;
        for (float[] e : descriptors) {
            if (c == null) c = new float[e.length];
            addScaled(c, normalized(e), 1f);
            n++;
        }
        if (c == null) throw new IllegalArgumentException("no embeddings");
        for (int i = 0; i < c.length; i++) c[i] /= n;
        return c;
    }
}
