package io.unveil.core.eval;

import java.util.Arrays;

/**
 * LFW-style k-fold verification accuracy: for each fold, the threshold is chosen on the other k-1 folds
 * ({@link BestThreshold}) and the accuracy is measured on the held-out fold. Reports the mean and the sample standard
 * deviation (n-1) of the k fold accuracies.
 */
public final class FoldedVerification {
    private FoldedVerification() {
    }

    public record Result(double mean, double std, double[] foldAccuracy, double[] foldThreshold) {
    }

    /**
     * @param scores similarity per pair (higher = more alike)
     * @param same   ground truth per pair
     * @param fold   fold index 0..folds-1 per pair
     */
    public static Result evaluate(double[] scores, boolean[] same, int[] fold, int folds) {
        if (scores.length != same.length || scores.length != fold.length)
            throw new IllegalArgumentException("scores, labels and folds differ in length");
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        double[] acc = new double[folds];
        double[] thr = new double[folds];
        for (int f = 0; f < folds; f++) {
            boolean[] train = new boolean[scores.length];
            boolean[] test = new boolean[scores.length];
            int nTest = 0;
            for (int i = 0; i < scores.length; i++) {
                if (fold[i] < 0 || fold[i] >= folds) throw new IllegalArgumentException("fold out of range at pair " + i);
                test[i] = fold[i] == f;
                train[i] = !test[i];
                if (test[i]) nTest++;
            }
            if (nTest == 0) throw new IllegalArgumentException("fold " + f + " has no pairs");
            thr[f] = BestThreshold.find(scores, same, train).threshold();
            acc[f] = BestThreshold.accuracy(scores, same, test, thr[f]);
        }
        double mean = Arrays.stream(acc).average().orElseThrow();
        double ss = 0;
        for (double a : acc) ss += (a - mean) * (a - mean);
        return new Result(mean, Math.sqrt(ss / (folds - 1)), acc, thr);
    }
}
