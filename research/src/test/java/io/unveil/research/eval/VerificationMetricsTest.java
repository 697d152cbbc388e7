package io.unveil.research.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationMetricsTest {
    @Test
    void accuracyCountsDistanceAtOrBelowThresholdAsSame() {
        double[] d = {0.2, 0.9, 0.6, 0.5};
        boolean[] s = {true, false, true, false};
        assertEquals(0.5, VerificationMetrics.accuracy(d, s, 0.55), 1e-12);
        assertEquals(0.75, VerificationMetrics.accuracy(d, s, 0.6), 1e-12); // 0.6 <= 0.6 is "same"
        assertEquals(0.5, VerificationMetrics.accuracy(d, s, 0.0), 1e-12);
    }

    @Test
    void bestThresholdByHand() {
        // sorted: 0.2 s, 0.3 d, 0.4 s, 0.5 d, 0.7 d -> correct counts 3 (none), 4, 3, 4, 3, 2: first maximum at 0.2
        double[] d = {0.2, 0.4, 0.5, 0.3, 0.7};
        boolean[] s = {true, true, false, false, false};
        assertEquals(0.2, VerificationMetrics.bestThreshold(d, s), 0);
        assertEquals(0.8, VerificationMetrics.accuracy(d, s, 0.2), 1e-12);
    }

    @Test
    void tiedDistancesAreNeverSplit() {
        double[] d = {0.5, 0.5};
        boolean[] s = {true, false};
        double t = VerificationMetrics.bestThreshold(d, s);
        assertEquals(0.5, VerificationMetrics.accuracy(d, s, t), 1e-12);
        assertEquals(true, t < 0.5);
    }

    @Test
    void crossValidationByHand() {
        // fold0: (0.1 s)(0.9 d); fold1: (0.2 s)(0.8 d); fold2: (0.6 s)(0.5 d)
        // test 0: train {0.2s,0.5d,0.6s,0.8d} -> t=0.2 -> fold0 acc 1.0
        // test 1: train {0.1s,0.5d,0.6s,0.9d} -> t=0.1 -> fold1 acc 0.5
        // test 2: train {0.1s,0.2s,0.8d,0.9d} -> t=0.2 -> fold2 acc 0.5
        Map<Integer, Double> dist = Map.of(0, 0.1, 1, 0.9, 2, 0.2, 3, 0.8, 4, 0.6, 5, 0.5);
        List<PairFold> folds = List.of(
                new PairFold(0, List.of(new VerificationPair(0, 100, true), new VerificationPair(1, 100, false))),
                new PairFold(1, List.of(new VerificationPair(2, 100, true), new VerificationPair(3, 100, false))),
                new PairFold(2, List.of(new VerificationPair(4, 100, true), new VerificationPair(5, 100, false))));
        CrossValidation cv = VerificationMetrics.crossValidate(folds, p -> dist.get(p.first()));
        assertArrayEquals(new double[]{1.0, 0.5, 0.5}, cv.foldAccuracy(), 1e-12);
        assertArrayEquals(new double[]{0.2, 0.1, 0.2}, cv.foldThreshold(), 1e-12);
        assertEquals(2.0 / 3, cv.mean(), 1e-12);
        assertEquals(Math.sqrt(1.0 / 12), cv.std(), 1e-12); // squared deviations 1/9+1/36+1/36 = 1/6, /(3-1)
        assertEquals(6, cv.pairs());
    }

    @Test
    void euclideanAndBadInput() {
        assertEquals(5.0, VerificationMetrics.euclidean(new float[]{0, 0}, new float[]{3, 4}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.euclidean(new float[1], new float[2]));
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.bestThreshold(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> VerificationMetrics.accuracy(new double[]{Double.NaN}, new boolean[]{true}, 1));
    }
}
