package io.unveil.core.eval;

/** Descriptor distances. */
public final class Distances {
    private Distances() {
    }

    public static double euclidean(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("descriptor lengths differ: " + a.length + " vs " + b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
