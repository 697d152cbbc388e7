package io.unveil.research.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Threshold verification on distances (lower = more alike; pass a negated similarity for cosine scores): a pair is
 * declared "same" when {@code distance <= threshold}. The best threshold maximises accuracy over the candidate
 * thresholds (every observed distance); ties go to the smallest threshold, so results are deterministic.
 */
public final class VerificationMetrics {
    private VerificationMetrics() {
    }

    public static double accuracy(double[] distance, boolean[] same, double threshold) {
        check(distance, same);
        int correct = 0;
        for (int i = 0; i < distance.length; i++) if ((distance[i] <= threshold) == same[i]) correct++;
        return (double) correct / distance.length;
    }

    /** The threshold with the highest accuracy on these pairs (a candidate below all distances means "all different"). */
    public static double bestThreshold(double[] distance, boolean[] same) {
        check(distance, same);
        Integer[] order = new Integer[distance.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(distance[a], distance[b]));
        // threshold below everything: all predicted different -> correct = number of different pairs
        int correct = 0;
        for (boolean s : same) if (!s) correct++;
        int best = correct;
        double bestT = Math.nextDown(distance[order[0]]);
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            correct += same[i] ? 1 : -1; // pair i flips to "same"
            boolean lastOfTies = k == order.length - 1 || distance[order[k + 1]] != distance[i];
            if (lastOfTies && correct > best) {
                best = correct;
                bestT = distance[i];
            }
        }
        return bestT;
    }

    /** k-fold cross-validation: for each fold, threshold chosen on all other folds, accuracy measured on this one. */
    public static CrossValidation crossValidate(List<PairFold> folds, ToDoubleFunction<VerificationPair> distance) {
        int k = folds.size();
        if (k < 2) throw new IllegalArgumentException("need at least 2 folds");
        List<double[]> d = new ArrayList<>();
        List<boolean[]> s = new ArrayList<>();
        int pairs = 0;
        for (PairFold f : folds) {
            double[] fd = new double[f.pairs().size()];
            boolean[] fs = new boolean[fd.length];
            for (int i = 0; i < fd.length; i++) {
                fd[i] = distance.applyAsDouble(f.pairs().get(i));
                fs[i] = f.pairs().get(i).same();
            }
            d.add(fd);
            s.add(fs);
            pairs += fd.length;
        }
        double[] acc = new double[k], thr = new double[k];
        for (int test = 0; test < k; test++) {
            int n = 0;
            for (int j = 0; j < k; j++) if (j != test) n += d.get(j).length;
            double[] td = new double[n];
            boolean[] ts = new boolean[n];
            int p = 0;
            for (int j = 0; j < k; j++) {
                if (j == test) continue;
                System.arraycopy(d.get(j), 0, td, p, d.get(j).length);
                System.arraycopy(s.get(j), 0, ts, p, s.get(j).length);
                p += d.get(j).length;
            }
            thr[test] = bestThreshold(td, ts);
            acc[test] = accuracy(d.get(test), s.get(test), thr[test]);
        }
        double mean = Arrays.stream(acc).average().orElse(Double.NaN);
        double var = 0;
        for (double a : acc) var += (a - mean) * (a - mean);
        return new CrossValidation(acc, thr, mean, Math.sqrt(var / (k - 1)), pairs);
    }

    /** Euclidean distance of two descriptors. */
    public static double euclidean(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("descriptor sizes differ: " + a.length + " vs " + b.length);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] - b[i];
            sum += t * t;
        }
        return Math.sqrt(sum);
    }

    private static void check(double[] distance, boolean[] same) {
        if (distance.length != same.length) throw new IllegalArgumentException("distances and labels differ in length");
        if (distance.length == 0) throw new IllegalArgumentException("no pairs");
        for (double v : distance) if (Double.isNaN(v)) throw new IllegalArgumentException("NaN distance");
    }
}
