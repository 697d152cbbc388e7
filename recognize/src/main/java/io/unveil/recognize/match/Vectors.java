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
}
