package io.unveil.research.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LfwStylePairsTest {
    private static Map<String, List<Integer>> people(int identities, int each) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int p = 0; p < identities; p++) {
            int base = p * each;
            m.put("id" + p, IntStream.range(base, base + each).boxed().toList());
        }
        return m;
    }

    @Test
    void identityDisjointFoldsWithAskedCountsAndNoRepeats() {
        Map<String, List<Integer>> faces = people(40, 6);
        LfwStylePairs.Pairs p = LfwStylePairs.generate(faces, 10, 20, 20, 7);
        assertTrue(p.identityDisjoint());
        assertEquals(200, p.same());
        assertEquals(200, p.different());
        Map<Integer, String> idOf = new HashMap<>();
        faces.forEach((id, l) -> l.forEach(i -> idOf.put(i, id)));
        Map<String, Integer> foldOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (FacePair fp : p.pairs()) {
            assertEquals(fp.same(), idOf.get(fp.a()).equals(idOf.get(fp.b())));
            for (int f : new int[]{fp.a(), fp.b()}) {
                Integer prev = foldOf.put(idOf.get(f), fp.fold());
                assertTrue(prev == null || prev == fp.fold(), "identity in two folds");
            }
            assertTrue(seen.add(Math.min(fp.a(), fp.b()) + "-" + Math.max(fp.a(), fp.b())), "pair repeated");
        }
        for (int f = 0; f < 10; f++) {
            int ff = f;
            assertEquals(20, p.pairs().stream().filter(x -> x.fold() == ff && x.same()).count());
        }
    }

    @Test
    void sameSeedSamePairsOtherSeedOtherPairs() {
        Map<String, List<Integer>> faces = people(30, 5);
        assertEquals(LfwStylePairs.generate(faces, 10, 5, 5, 1), LfwStylePairs.generate(faces, 10, 5, 5, 1));
        assertFalse(LfwStylePairs.generate(faces, 10, 5, 5, 1).equals(LfwStylePairs.generate(faces, 10, 5, 5, 2)));
    }

    @Test
    void foldsShortOfPairsGetFewerNotAnError() {
        // 20 identities x 2 faces: a fold of 2 identities has only 2 same pairs (one per identity), so 2 per class
        LfwStylePairs.Pairs p = LfwStylePairs.generate(people(20, 2), 10, 50, 50, 3);
        assertTrue(p.identityDisjoint());
        assertEquals(p.same(), p.different());
        assertEquals(20, p.same());
    }

    @Test
    void smallSetsFallBackToPairFolds() {
        LfwStylePairs.Pairs p = LfwStylePairs.generate(people(15, 10), 10, 10, 10, 3);
        assertFalse(p.identityDisjoint());
        assertEquals(100, p.same());
        assertEquals(100, p.different());
        for (int f = 0; f < 10; f++) {
            int ff = f;
            assertEquals(20, p.pairs().stream().filter(x -> x.fold() == ff).count());
        }
    }
}
