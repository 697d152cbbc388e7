package io.unveil.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BestThresholdTest {
    @Test
    void picksLowestOfEquallyGoodThresholdsAndItsAccuracy() {
        double[] s = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        boolean[] same = {false, false, true, false, true, true};
        // by hand: t=0.25 -> 5/6 correct (only 0.4 wrong); t=0.45 -> 5/6 (only 0.3 wrong); lowest kept
        BestThreshold.Choice c = BestThreshold.find(s, same, null);
        assertEquals(0.25, c.threshold(), 1e-12);
        assertEquals(5.0 / 6, c.accuracy(), 1e-12);
        assertEquals(5.0 / 6, BestThreshold.accuracy(s, same, null, 0.45), 1e-12);
        assertEquals(0.5, BestThreshold.accuracy(s, same, null, 10), 1e-12);
    }

    @Test
    void tiedScoresAreNeverSplit() {
        double[] s = {0.5, 0.5, 0.5, 0.9};
        boolean[] same = {true, false, false, true};
        BestThreshold.Choice c = BestThreshold.find(s, same, null);
        // either all three 0.5s are "same" (2/4) or none (3/4): t = 0.7
        assertEquals(0.7, c.threshold(), 1e-12);
        assertEquals(0.75, c.accuracy(), 1e-12);
    }

    @Test
    void restrictsToIncludedPairs() {
        double[] s = {0.1, 0.9, 0.5};
        boolean[] same = {false, true, true};
        assertEquals(1.0, BestThreshold.find(s, same, new boolean[]{true, true, false}).accuracy(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> BestThreshold.find(s, same, new boolean[3]));
    }
}
