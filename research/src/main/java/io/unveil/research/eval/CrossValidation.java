package io.unveil.research.eval;

import java.util.Arrays;

/**
 * Result of k-fold verification: per fold the threshold chosen on the other folds and the accuracy on this fold;
 * {@code std} is the sample standard deviation (n-1) of the fold accuracies.
 */
public record CrossValidation(double[] foldAccuracy, double[] foldThreshold, double mean, double std, int pairs) {
    /** Whether a pair of fold {@code fold} is decided right by that fold's threshold (as {@link VerificationMetrics#accuracy} counts it). */
    public boolean correct(double distance, boolean same, int fold) {
        return (distance <= foldThreshold[fold]) == same;
    }

    public int folds() {
        return foldAccuracy.length;
    }

    public String summary() {
        return String.format("accuracy %.4f +- %.4f over %d folds (%d pairs), thresholds %.3f..%.3f", mean, std,
                foldAccuracy.length, pairs, Arrays.stream(foldThreshold).min().orElse(Double.NaN),
                Arrays.stream(foldThreshold).max().orElse(Double.NaN));
    }
}
