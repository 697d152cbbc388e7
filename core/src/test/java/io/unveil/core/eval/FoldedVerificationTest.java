package io.unveil.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FoldedVerificationTest {
    @Test
    void thresholdComesFromTheOtherFolds() {
        // fold 0: 0.9 same, 0.1 diff; fold 1: 0.8 same, 0.7 diff, 0.2 diff
        double[] s = {0.9, 0.1, 0.8, 0.7, 0.2};
        boolean[] same = {true, false, true, false, false};
        int[] fold = {0, 0, 1, 1, 1};
        FoldedVerification.Result r = FoldedVerification.evaluate(s, same, fold, 2);
        // thresholds are observed scores (VerificationMetrics): fold 1 alone is best split at 0.8 (all right),
        // fold 0 alone at 0.9. Fold 0 tested at 0.8: both right -> 1.0; fold 1 tested at 0.9: 0.8 same missed -> 2/3
        assertArrayEquals(new double[]{0.8, 0.9}, r.foldThreshold(), 1e-12);
        assertArrayEquals(new double[]{1.0, 2.0 / 3}, r.foldAccuracy(), 1e-12);
        assertEquals((1 + 2.0 / 3) / 2, r.mean(), 1e-12);
        assertEquals((1.0 / 3) / Math.sqrt(2), r.std(), 1e-12); // sample std of {1, 2/3}
    }

    @Test
    void tenFoldsOfASeparableListMissOnlyTheEdgePair() {
        int n = 100;
        double[] s = new double[n];
        boolean[] same = new boolean[n];
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            same[i] = i % 2 == 0;
            s[i] = same[i] ? 1 + i * 0.001 : -1 - i * 0.001;
            fold[i] = i % 10;
        }
        FoldedVerification.Result r = FoldedVerification.evaluate(s, same, fold, 10);
        // the threshold is an observed score of the other folds: the least similar same pair (i = 0, score 1.000)
        // sits in fold 0, whose threshold is then 1.002 (i = 2): that one pair is missed, all else is right
        assertEquals(0.9, r.foldAccuracy()[0], 1e-12);
        for (int f = 1; f < 10; f++) assertEquals(1.0, r.foldAccuracy()[f], 1e-12);
        assertEquals(0.99, r.mean(), 1e-12);
    }

    @Test
    void emptyFoldIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FoldedVerification.evaluate(
                new double[]{1, 0}, new boolean[]{true, false}, new int[]{0, 0}, 2));
    }
}
