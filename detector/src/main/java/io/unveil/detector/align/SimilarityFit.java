package io.unveil.detector.align;

/**
 * Least-squares similarity (rotation, uniform scale, shift; no reflection) between two point sets: the map
 * {@code to = [a -b; b a] from + (tx, ty)} closest to the pairs. Used by {@link FaceAligner} (template -> frame) and
 * by recognizers that cut another crop from the aligned chip.
 */
public final class SimilarityFit {
    private SimilarityFit() {
    }

    /**
     * @param from (x,y) pairs
     * @param to   the matching (x,y) pairs
     * @return {a, b, tx, ty}: a = s cos, b = s sin
     */
    public static double[] fit(double[] from, double[] to) {
        if (from.length != to.length || from.length < 4 || from.length % 2 != 0)
            throw new IllegalArgumentException("need at least two matching (x,y) pairs");
        int n = from.length / 2;
        double fx = 0, fy = 0, tx = 0, ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from[2 * i];
            fy += from[2 * i + 1];
            tx += to[2 * i];
            ty += to[2 * i + 1];
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double ss = 0, a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            double dx = from[2 * i] - fx, dy = from[2 * i + 1] - fy;
            double px = to[2 * i] - tx, py = to[2 * i + 1] - ty;
            ss += dx * dx + dy * dy;
            a += dx * px + dy * py;
            b += dx * py - dy * px;
        }
        if (!(ss > 0)) throw new IllegalArgumentException("degenerate points (all coincide)");
        a /= ss;
        b /= ss;
        return new double[]{a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy)};
    }
}
