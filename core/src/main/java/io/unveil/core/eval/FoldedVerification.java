package io.unveil.core.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * k-fold verification for callers holding flat arrays of similarity scores (higher = more alike) and fold indices:
 * an adapter over {@link VerificationMetrics#crossValidate} (threshold chosen on the other folds), which works on
 * distances. Thresholds are returned on the score scale: a pair is "same" when its score is {@code >= threshold}.
 */
public final class FoldedVerification {
    private FoldedVerification() {
    }

    public record Result(double mean, double std, double[] foldAccuracy, double[] foldThreshold) {
    }

    public static Result evaluate(double[] scores, boolean[] same, int[] fold, int folds) {
        if (scores.length != same.length || scores.length != fold.length)
            throw new IllegalArgumentException("scores, labels and folds differ in length");
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        List<List<VerificationPair>> byFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) byFold.add(new ArrayList<>());
        Map<VerificationPair, Double> distance = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            if (fold[i] < 0 || fold[i] >= folds) throw new IllegalArgumentException("fold out of range at pair " + i);
            VerificationPair p = new VerificationPair(2 * i, 2 * i + 1, same[i]); // synthetic, unique per pair
            byFold.get(fold[i]).add(p);
            distance.put(p, -scores[i]);
        }
        List<PairFold> pf = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            if (byFold.get(f).isEmpty()) throw new IllegalArgumentException("fold " + f + " has no pairs");
            pf.add(new PairFold(f, byFold.get(f)));
        }
        CrossValidation cv = VerificationMetrics.crossValidate(pf, distance::get);
        double[] thr = cv.foldThreshold().clone();
        for (int f = 0; f < thr.length; f++) thr[f] = -thr[f];
        return new Result(cv.mean(), cv.std(), cv.foldAccuracy(), thr);
    }
}
