package io.unveil.research.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairProtocolTest {
    /** 20 identities x 4 samples: sample i belongs to "id" + i/4. */
    static List<String> samples() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 80; i++) ids.add("id" + (i / 4));
        return ids;
    }

    @Test
    void foldsAreBalancedCorrectDistinctAndIdentityDisjoint() {
        List<String> ids = samples();
        List<PairFold> folds = PairProtocol.generate(ids, 10, 5, 42);
        assertEquals(10, folds.size());
        Map<String, Integer> foldOf = new HashMap<>();
        Set<List<Integer>> seen = new HashSet<>();
        for (PairFold f : folds) {
            assertEquals(10, f.pairs().size());
            assertEquals(5, f.sameCount());
            for (VerificationPair p : f.pairs()) {
                assertEquals(p.same(), ids.get(p.first()).equals(ids.get(p.second())));
                assertTrue(seen.add(List.of(Math.min(p.first(), p.second()), Math.max(p.first(), p.second()))), "duplicate " + p);
                for (int s : new int[]{p.first(), p.second()}) {
                    Integer prev = foldOf.putIfAbsent(ids.get(s), f.index());
                    assertEquals(prev == null ? f.index() : prev, f.index(), "identity in two folds");
                }
            }
        }
    }

    @Test
    void seedMakesItReproducible() {
        assertEquals(PairProtocol.generate(samples(), 10, 5, 7), PairProtocol.generate(samples(), 10, 5, 7));
        assertNotEquals(PairProtocol.generate(samples(), 10, 5, 7), PairProtocol.generate(samples(), 10, 5, 8));
    }

    @Test
    void refusesWhatTheSetCannotSupply() {
        // 2 identities x 4 per fold: 2*C(4,2) = 12 same pairs, 4*4 = 16 different pairs
        PairProtocol.generate(samples(), 10, 12, 1);
        assertThrows(IllegalArgumentException.class, () -> PairProtocol.generate(samples(), 10, 13, 1));
        assertThrows(IllegalArgumentException.class, () -> PairProtocol.generate(samples(), 11, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PairProtocol.generate(samples(), 1, 1, 1));
    }

    @Test
    void upToTakesEverySameIdentityPairOfAShortFoldAndAsManyDifferentOnes() {
        // 20 identities: id0 has 8 samples (28 same pairs), the others 2 (1 same pair each); 10 folds of 2 identities
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < 20; p++) for (int k = 0; k < (p == 0 ? 8 : 2); k++) ids.add("id" + p);
        PairProtocol.Capacity cap = PairProtocol.capacity(ids, 10, 5);
        assertEquals(28 + 19, cap.totalSame());
        assertEquals(2, cap.perClassCeiling(), "a fold of two 2-sample identities has 2 same pairs");
        assertThrows(IllegalArgumentException.class, () -> PairProtocol.generate(ids, 10, 10, 5));
        List<PairFold> folds = PairProtocol.generateUpTo(ids, 10, 10, 5);
        long same = 0;
        for (int f = 0; f < 10; f++) {
            PairFold fold = folds.get(f);
            long expected = Math.min(10, cap.same()[f]);
            assertEquals(expected, fold.sameCount(), "fold " + f);
            assertEquals(expected, fold.pairs().size() - fold.sameCount(), "as many different pairs, fold " + f);
            same += fold.sameCount();
        }
        assertEquals(10 + 9 * 2, same, "the fold with id0 is capped at 10, the nine others give all their 2");
        // a request the set allows is the strict protocol, pair for pair
        assertEquals(PairProtocol.generate(ids, 10, 2, 5), PairProtocol.generateUpTo(ids, 10, 2, 5));
    }
}
