package io.unveil.research.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intervals checked by hand. With GT right and OCC wrong on every pair, a method's difference to OCC and its recovered
 * share both equal its own accuracy in every replicate, whose bootstrap distribution is binomial: right on 1 of 4
 * pairs, a replicate of 4 pairs holds K ~ Bin(4, 1/4) of them, P(K<=0) = 0.316, P(K<=2) = 0.949, P(K<=3) = 0.996, so
 * the 2.5% and 97.5% quantiles are K = 0 and K = 3: [0, 0.75].
 */
class PairedBootstrapTest {
    private static boolean[] pattern(int n, int... right) {
        boolean[] b = new boolean[n];
        for (int i : right) b[i] = true;
        return b;
    }

    private static boolean[] all(int n, boolean v) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, v);
        return b;
    }

    @Test
    void pairBootstrapOfOneRightPairInFourIsZeroToThreeQuarters() {
        boolean[][] c = {all(4, true), all(4, false), pattern(4, 3)};
        List<PairedBootstrap.Comparison> r = PairedBootstrap.byPair(c).compare(20_000, 1);
        PairedBootstrap.Interval d = r.get(2).difference(), s = r.get(2).recoveredShare();
        assertEquals(0.25, d.estimate(), 1e-12);
        assertEquals(0.0, d.low(), 1e-12);
        assertEquals(0.75, d.high(), 1e-12);
        assertEquals(0.25, s.estimate(), 1e-12);
        assertEquals(0.0, s.low(), 1e-12);
        assertEquals(0.75, s.high(), 1e-12);
        assertEquals(20_000, d.replicates());
        // GT minus OCC is 1 in every replicate; OCC minus itself 0; no share for either
        assertEquals(1.0, r.get(0).difference().low(), 0);
        assertEquals(1.0, r.get(0).difference().high(), 0);
        assertEquals(0.0, r.get(1).difference().low(), 0);
        assertTrue(Double.isNaN(r.get(0).recoveredShare().estimate()) && Double.isNaN(r.get(1).recoveredShare().low()));
    }

    @Test
    void identityBootstrapKeepsAPersonsPairsTogetherAndIsWider() {
        // 4 identities x 3 same-identity pairs; the method is right on the 3 pairs of identity 0 only (3 of 12 pairs).
        // By identity: M0 ~ Bin(4, 1/4) copies of identity 0, accuracy M0 * 3 / 12 -> [0, 0.75] as above.
        // By pair: K ~ Bin(12, 1/4), P(K=0) = 0.032, P(K<=5) = 0.946, P(K<=6) = 0.986 -> [0, 6/12].
        boolean[][] c = {all(12, true), all(12, false), pattern(12, 0, 1, 2)};
        int[] id = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3};
        PairedBootstrap.Interval byId = PairedBootstrap.byIdentity(c, id, id, 4).compare(20_000, 3).get(2).difference();
        PairedBootstrap.Interval byPair = PairedBootstrap.byPair(c).compare(20_000, 3).get(2).difference();
        assertEquals(0.25, byId.estimate(), 1e-12);
        assertEquals(0.0, byId.low(), 1e-12);
        assertEquals(0.75, byId.high(), 1e-12);
        assertEquals(0.0, byPair.low(), 1e-12);
        assertEquals(0.5, byPair.high(), 1e-12);
    }

    @Test
    void oneIdentityPerPairIsThePairBootstrap() {
        boolean[][] c = {all(6, true), pattern(6, 0, 1), pattern(6, 0, 2, 3)};
        int[] id = {0, 1, 2, 3, 4, 5};
        assertEquals(PairedBootstrap.byPair(c).compare(500, 9), PairedBootstrap.byIdentity(c, id, id, 6).compare(500, 9));
    }

    @Test
    void largeSampleIntervalMatchesTheNormalApproximation() {
        // 400 pairs; OCC right on 200; the method right on those and on 80 more: per-pair difference d in {0, 1},
        // mean 0.2, sd 0.4, standard error 0.4 / 20 = 0.02, so the interval is about 0.2 +- 1.96 * 0.02 = [0.161, 0.239]
        int n = 400;
        boolean[] occ = new boolean[n], method = new boolean[n];
        for (int i = 0; i < 200; i++) occ[i] = method[i] = true;
        for (int i = 200; i < 280; i++) method[i] = true;
        PairedBootstrap.Interval d = PairedBootstrap.byPair(new boolean[][]{all(n, true), occ, method}).compare(4_000, 11).get(2).difference();
        assertEquals(0.2, d.estimate(), 1e-12);
        assertEquals(0.2 - 1.96 * 0.02, d.low(), 0.006);
        assertEquals(0.2 + 1.96 * 0.02, d.high(), 0.006);
        assertTrue(d.excludesZero());
    }

    @Test
    void differentIdentityPairsWeighByBothPeople() {
        // a different-identity pair of people 0 and 1 (weight m0 * m1) and a same pair of person 2 (weight m2), three
        // people drawn three times; the method is right on the first pair only, accuracy m0 m1 / (m0 m1 + m2). Of the 27
        // equally likely draws, 2 hold no pair (3x person 0 or 3x person 1: no accuracy), 13 give 0, 6 give 1/2
        // (each person once) and 6 give 1 (people 0 and 1 only): interval [0, 1] over 25/27 of the replicates
        boolean[][] c = {all(2, true), all(2, false), pattern(2, 0)};
        PairedBootstrap b = PairedBootstrap.byIdentity(c, new int[]{0, 2}, new int[]{1, 2}, 3);
        PairedBootstrap.Interval d = b.compare(20_000, 5).get(2).difference();
        assertEquals(0.5, d.estimate(), 1e-12);
        assertEquals(0.0, d.low(), 1e-12);
        assertEquals(1.0, d.high(), 1e-12);
        assertEquals(20_000 * 25.0 / 27, d.replicates(), 300, "replicates with no pair at all have no accuracy");
    }

    @Test
    void sameSeedSameIntervalsOtherSeedOtherIntervals() {
        boolean[][] c = {all(50, true), pattern(50, 1, 2, 3, 5, 8, 13, 21, 34), pattern(50, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 21, 34, 40)};
        PairedBootstrap b = PairedBootstrap.byPair(c);
        assertEquals(b.compare(300, 42), b.compare(300, 42));
        assertNotEquals(b.compare(300, 42), b.compare(300, 43));
    }

    @Test
    void methodsScoredOnOtherPairsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.byPair(new boolean[][]{all(4, true), all(3, false)}));
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.byIdentity(new boolean[][]{all(2, true), all(2, false)},
                new int[]{0, 5}, new int[]{0, 1}, 2));
    }
}
