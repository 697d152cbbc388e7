package io.unveil.research.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * LFW-style verification pairs for the evaluation, flattened with their fold. With at least two identities per fold
 * the identity-disjoint folds of {@link PairProtocol} are used (a fold that cannot supply the asked number of
 * distinct pairs gives all its same-identity pairs and as many different ones, {@link PairProtocol#generateUpTo}, and
 * the caller sees the count it got); smaller sets
 * (e.g. Yale's 15 people) fall back to dealing pairs, not identities, to folds, and say so in
 * {@link Pairs#identityDisjoint()}.
 */
public final class LfwStylePairs {
    private LfwStylePairs() {
    }

    /**
     * @param sameAvailable      distinct same-identity pairs the set allows (within the folds when identity-disjoint)
     * @param differentAvailable distinct different-identity pairs the set allows (within the folds when identity-disjoint)
     */
    public record Pairs(List<FacePair> pairs, boolean identityDisjoint, int folds, long sameAvailable, long differentAvailable) {
        public int same() {
            return (int) pairs.stream().filter(FacePair::same).count();
        }

        public int different() {
            return pairs.size() - same();
        }
    }

    /**
     * @param faces identity -> indices of that identity's faces (in a deterministic order)
     */
    public static Pairs generate(Map<String, List<Integer>> faces, int folds, int samePerFold, int differentPerFold, long seed) {
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds");
        Map<String, List<Integer>> usable = new LinkedHashMap<>();
        faces.forEach((id, l) -> {
            if (!l.isEmpty()) usable.put(id, List.copyOf(l));
        });
        if (usable.size() < 2) throw new IllegalArgumentException("need faces of at least 2 identities, have " + usable.size());
        List<FacePair> out = new ArrayList<>();
        boolean disjoint = usable.size() >= 2 * folds;
        long sameAvailable, differentAvailable;
        if (disjoint) {
            List<String> identityOf = new ArrayList<>();
            List<Integer> faceIndex = new ArrayList<>();
            usable.forEach((id, l) -> l.forEach(i -> {
                identityOf.add(id);
                faceIndex.add(i);
            }));
            PairProtocol.Capacity cap = PairProtocol.capacity(identityOf, folds, seed);
            sameAvailable = cap.totalSame();
            differentAvailable = cap.totalDifferent();
            List<PairFold> pf = PairProtocol.generateUpTo(identityOf, folds, Math.max(1, Math.min(samePerFold, differentPerFold)), seed);
            for (PairFold f : pf)
                for (VerificationPair p : f.pairs()) out.add(new FacePair(faceIndex.get(p.first()), faceIndex.get(p.second()), p.same(), f.index()));
        } else {
            long faceCount = 0;
            sameAvailable = 0;
            for (List<Integer> l : usable.values()) {
                sameAvailable += (long) l.size() * (l.size() - 1) / 2;
                faceCount += l.size();
            }
            differentAvailable = faceCount * (faceCount - 1) / 2 - sameAvailable;
            Random rnd = new Random(seed);
            List<String> ids = new ArrayList<>(usable.keySet());
            Collections.shuffle(ids, rnd);
            Set<Long> used = new HashSet<>();
            List<FacePair> all = sample(usable, ids, samePerFold * folds, differentPerFold * folds, 0, rnd, used);
            List<FacePair> same = all.stream().filter(FacePair::same).toList();
            List<FacePair> diff = all.stream().filter(p -> !p.same()).toList();
            for (int i = 0; i < same.size(); i++) {
                FacePair p = same.get(i);
                out.add(new FacePair(p.a(), p.b(), true, i % folds));
            }
            for (int i = 0; i < diff.size(); i++) {
                FacePair p = diff.get(i);
                out.add(new FacePair(p.a(), p.b(), false, i % folds));
            }
        }
        return new Pairs(List.copyOf(out), disjoint, folds, sameAvailable, differentAvailable);
    }

    private static List<FacePair> sample(Map<String, List<Integer>> faces, List<String> ids, int nSame, int nDiff, int fold,
                                         Random rnd, Set<Long> used) {
        List<FacePair> out = new ArrayList<>();
        // same pairs: enumerate all candidates of identities with >= 2 faces, shuffle, take
        List<long[]> sameCand = new ArrayList<>();
        for (String id : ids) {
            List<Integer> l = faces.get(id);
            for (int i = 0; i < l.size(); i++)
                for (int j = i + 1; j < l.size(); j++) sameCand.add(new long[]{l.get(i), l.get(j)});
        }
        Collections.shuffle(sameCand, rnd);
        for (long[] c : sameCand) {
            if (out.size() >= nSame) break;
            if (used.add(key((int) c[0], (int) c[1]))) out.add(new FacePair((int) c[0], (int) c[1], true, fold));
        }
        // different pairs: random identity pair, random face of each, rejecting repeats
        long maxDiff = 0;
        for (int i = 0; i < ids.size(); i++)
            for (int j = i + 1; j < ids.size(); j++) maxDiff += (long) faces.get(ids.get(i)).size() * faces.get(ids.get(j)).size();
        int want = (int) Math.min(nDiff, maxDiff);
        int got = 0, tries = 0;
        while (got < want && tries < 50L * want + 1000) {
            tries++;
            int x = rnd.nextInt(ids.size()), y = rnd.nextInt(ids.size());
            if (x == y) continue;
            List<Integer> la = faces.get(ids.get(x)), lb = faces.get(ids.get(y));
            int a = la.get(rnd.nextInt(la.size())), b = lb.get(rnd.nextInt(lb.size()));
            if (used.add(key(a, b))) {
                out.add(new FacePair(a, b, false, fold));
                got++;
            }
        }
        return out;
    }

    private static long key(int a, int b) {
        int lo = Math.min(a, b), hi = Math.max(a, b);
        return ((long) lo << 32) | (hi & 0xffffffffL);
    }
}
