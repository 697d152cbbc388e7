package io.unveil.research.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Receiver operating characteristic of scored same/different pairs ("same" when score {@code >= t}). One point per
 * distinct score, from the strictest threshold (nothing accepted) to the loosest (everything accepted).
 */
public record RocCurve(double[] far, double[] tar, double[] threshold, int positives, int negatives) {

    public static RocCurve of(double[] scores, boolean[] same) {
        int n = scores.length;
        if (n != same.length) throw new IllegalArgumentException("scores and labels differ in length");
        int pos = 0;
        for (boolean b : same) if (b) pos++;
        int neg = n - pos;
        if (pos == 0 || neg == 0) throw new IllegalArgumentException("ROC needs both same and different pairs");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[]{0, 0, Double.POSITIVE_INFINITY});
        int tp = 0, fp = 0, i = 0;
        while (i < n) {
            double v = scores[order[i]];
            while (i < n && scores[order[i]] == v) {
                if (same[order[i]]) tp++;
                else fp++;
                i++;
            }
            pts.add(new double[]{(double) fp / neg, (double) tp / pos, v});
        }
        double[] far = new double[pts.size()], tar = new double[pts.size()], thr = new double[pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            far[k] = pts.get(k)[0];
            tar[k] = pts.get(k)[1];
            thr[k] = pts.get(k)[2];
        }
        return new RocCurve(far, tar, thr, pos, neg);
    }

    /** Highest true accept rate among thresholds whose false accept rate is at most {@code maxFar}. */
    public double tarAtFar(double maxFar) {
        double best = 0;
        for (int k = 0; k < far.length; k++) if (far[k] <= maxFar + 1e-12) best = Math.max(best, tar[k]);
        return best;
    }

    /** Smallest FAR this ROC can resolve (one false accept). A TAR at a FAR below it means "no false accept". */
    public double farResolution() {
        return 1.0 / negatives;
    }

    /** Area under the curve (trapezoids). */
    public double auc() {
        double a = 0;
        for (int k = 1; k < far.length; k++) a += (far[k] - far[k - 1]) * (tar[k] + tar[k - 1]) / 2;
        return a;
    }
}
