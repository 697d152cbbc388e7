package io.unveil.core.eval;

import java.util.Arrays;

/**
 * The decision threshold that maximises verification accuracy on a set of scored pairs, where a pair is called
 * "same" when its score is {@code >= threshold} (higher score = more similar; for distances pass the negated
 * distance). Candidates are the midpoints between consecutive distinct scores plus one below the lowest and one
 * above the highest; among equally good candidates the lowest is kept, so the result is deterministic.
 */
public final class BestThreshold {
    private BestThreshold() {
    }

    public record Choice(double threshold, double accuracy) {
    }

    /** Best threshold over the pairs whose {@code include[i]} is true (all pairs when include is null). */
    public static Choice find(double[] scores, boolean[] same, boolean[] include) {
        int n = 0;
        for (int i = 0; i < scores.length; i++) if (include == null || include[i]) n++;
        if (n == 0) throw new IllegalArgumentException("no pairs to choose a threshold from");
        double[] s = new double[n];
        boolean[] l = new boolean[n];
        Integer[] order = new Integer[n];
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            if (include != null && !include[i]) continue;
            if (Double.isNaN(scores[i])) throw new IllegalArgumentException("NaN score at pair " + i);
            s[k] = scores[i];
            l[k] = same[i];
            order[k] = k;
            k++;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        int totalSame = 0;
        for (boolean b : l) if (b) totalSame++;
        // threshold below everything: all predicted same
        int correct = totalSame;
        int bestCorrect = correct;
        double best = s[order[0]] - 1.0;
        int i = 0;
        while (i < n) {
            double v = s[order[i]];
            int j = i;
            while (j < n && s[order[j]] == v) {
                // this score falls below the next threshold: predicted different
                if (l[order[j]]) correct--;
                else correct++;
                j++;
            }
            double t = j < n ? (v + s[order[j]]) / 2.0 : v + 1.0;
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = t;
            }
            i = j;
        }
        return new Choice(best, (double) bestCorrect / n);
    }

    /** Accuracy of a fixed threshold over the included pairs. */
    public static double accuracy(double[] scores, boolean[] same, boolean[] include, double threshold) {
        int n = 0, ok = 0;
        for (int i = 0; i < scores.length; i++) {
            if (include != null && !include[i]) continue;
            n++;
            if ((scores[i] >= threshold) == same[i]) ok++;
        }
        if (n == 0) throw new IllegalArgumentException("no pairs to measure");
        return (double) ok / n;
    }
}
