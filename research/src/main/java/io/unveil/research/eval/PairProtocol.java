package io.unveil.research.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * LFW-style verification pairs for any labelled set: identities are shuffled with the seed and dealt round-robin into
 * {@code folds} identity-disjoint folds (no person appears in two folds, so a threshold chosen on nine folds is tested
 * on unseen people); each fold gets {@code pairsPerClass} distinct same-identity pairs and as many distinct
 * different-identity pairs, drawn uniformly with the seed. Same seed and samples -> same pairs.
 */
public final class PairProtocol {
    private PairProtocol() {
    }

    /**
     * @param identities identity of each sample (index = sample index)
     * @throws IllegalArgumentException when a fold cannot supply the requested number of distinct pairs
     */
    public static List<PairFold> generate(List<String> identities, int folds, int pairsPerClass, long seed) {
        return generate(identities, folds, pairsPerClass, seed, false);
    }

    /**
     * As {@link #generate(List, int, int, long)}, but a fold that cannot supply {@code pairsPerClass} same-identity
     * pairs gets all of its same-identity pairs and as many different-identity pairs (fewer when it has fewer), so a
     * large request takes everything the set allows and folds may differ in size.
     */
    public static List<PairFold> generateUpTo(List<String> identities, int folds, int pairsPerClass, long seed) {
        return generate(identities, folds, pairsPerClass, seed, true);
    }

    /** What the identity-disjoint folds of this seed hold: same-identity and different-identity pairs per fold. */
    public record Capacity(long[] same, long[] different) {
        public long totalSame() {
            return Arrays.stream(same).sum();
        }

        public long totalDifferent() {
            return Arrays.stream(different).sum();
        }

        /** The most pairs per class every fold can supply (the balanced design's ceiling). */
        public long perClassCeiling() {
            long c = Long.MAX_VALUE;
            for (int f = 0; f < same.length; f++) c = Math.min(c, Math.min(same[f], different[f]));
            return c;
        }
    }

    public static Capacity capacity(List<String> identities, int folds, long seed) {
        List<Map<String, List<Integer>>> members = foldMembers(identities, folds, new Random(seed));
        long[] same = new long[folds], diff = new long[folds];
        for (int f = 0; f < folds; f++) {
            same[f] = sameCount(members.get(f));
            diff[f] = differentCount(members.get(f));
        }
        return new Capacity(same, diff);
    }

    private static List<PairFold> generate(List<String> identities, int folds, int pairsPerClass, long seed, boolean cap) {
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        if (pairsPerClass < 1) throw new IllegalArgumentException("need at least 1 pair per class, got " + pairsPerClass);
        Random rnd = new Random(seed);
        List<Map<String, List<Integer>>> foldMembers = foldMembers(identities, folds, rnd);
        List<PairFold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            Map<String, List<Integer>> members = foldMembers.get(f);
            int n = cap ? (int) Math.min(pairsPerClass, Math.min(sameCount(members), differentCount(members))) : pairsPerClass;
            List<VerificationPair> pairs = new ArrayList<>(samePairs(members, n, rnd, f));
            pairs.addAll(differentPairs(members, n, rnd, f));
            out.add(new PairFold(f, pairs));
        }
        return out;
    }

    /** Identities shuffled with the seed and dealt round-robin to the folds; per fold identity -> sample indices. */
    private static List<Map<String, List<Integer>>> foldMembers(List<String> identities, int folds, Random rnd) {
        Map<String, List<Integer>> byId = new TreeMap<>();
        for (int i = 0; i < identities.size(); i++) byId.computeIfAbsent(identities.get(i), k -> new ArrayList<>()).add(i);
        if (byId.size() < 2 * folds)
            throw new IllegalArgumentException(byId.size() + " identities cannot fill " + folds + " folds (need 2 per fold)");
        List<String> ids = new ArrayList<>(byId.keySet());
        Collections.shuffle(ids, rnd);
        List<Map<String, List<Integer>>> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) out.add(new LinkedHashMap<>());
        for (int i = 0; i < ids.size(); i++) out.get(i % folds).put(ids.get(i), byId.get(ids.get(i)));
        return out;
    }

    private static long sameCount(Map<String, List<Integer>> members) {
        long n = 0;
        for (List<Integer> s : members.values()) n += (long) s.size() * (s.size() - 1) / 2;
        return n;
    }

    private static long differentCount(Map<String, List<Integer>> members) {
        long possible = 0, total = 0;
        for (List<Integer> g : members.values()) total += g.size();
        for (List<Integer> g : members.values()) possible += (long) g.size() * (total - g.size());
        return possible / 2;
    }

    private static List<VerificationPair> samePairs(Map<String, List<Integer>> members, int n, Random rnd, int fold) {
        List<int[]> all = new ArrayList<>();
        for (List<Integer> s : members.values())
            for (int i = 0; i < s.size(); i++)
                for (int j = i + 1; j < s.size(); j++) all.add(new int[]{s.get(i), s.get(j)});
        if (all.size() < n)
            throw new IllegalArgumentException("fold " + fold + " has only " + all.size() + " same-identity pairs, " + n + " requested");
        Collections.shuffle(all, rnd);
        List<VerificationPair> out = new ArrayList<>();
        for (int k = 0; k < n; k++) out.add(new VerificationPair(all.get(k)[0], all.get(k)[1], true));
        return out;
    }

    private static List<VerificationPair> differentPairs(Map<String, List<Integer>> members, int n, Random rnd, int fold) {
        List<List<Integer>> groups = new ArrayList<>(members.values());
        long possible = differentCount(members);
        if (possible < n)
            throw new IllegalArgumentException("fold " + fold + " has only " + possible + " different-identity pairs, " + n + " requested");
        Set<Long> seen = new HashSet<>();
        List<VerificationPair> out = new ArrayList<>();
        while (out.size() < n) {
            int ga = rnd.nextInt(groups.size()), gb = rnd.nextInt(groups.size() - 1);
            if (gb >= ga) gb++;
            List<Integer> a = groups.get(ga), b = groups.get(gb);
            int x = a.get(rnd.nextInt(a.size())), y = b.get(rnd.nextInt(b.size()));
            long key = (long) Math.min(x, y) << 32 | Math.max(x, y);
            if (seen.add(key)) out.add(new VerificationPair(Math.min(x, y), Math.max(x, y), false));
        }
        return out;
    }
}
