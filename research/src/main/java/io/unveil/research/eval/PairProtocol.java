package io.unveil.research.eval;

import java.util.ArrayList;
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
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        if (pairsPerClass < 1) throw new IllegalArgumentException("need at least 1 pair per class, got " + pairsPerClass);
        Map<String, List<Integer>> byId = new TreeMap<>();
        for (int i = 0; i < identities.size(); i++) byId.computeIfAbsent(identities.get(i), k -> new ArrayList<>()).add(i);
        if (byId.size() < 2 * folds)
            throw new IllegalArgumentException(byId.size() + " identities cannot fill " + folds + " folds (need 2 per fold)");
        Random rnd = new Random(seed);
        List<String> ids = new ArrayList<>(byId.keySet());
        Collections.shuffle(ids, rnd);
        List<List<String>> foldIds = new ArrayList<>();
        for (int f = 0; f < folds; f++) foldIds.add(new ArrayList<>());
        for (int i = 0; i < ids.size(); i++) foldIds.get(i % folds).add(ids.get(i));

        List<PairFold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            Map<String, List<Integer>> members = new LinkedHashMap<>();
            for (String id : foldIds.get(f)) members.put(id, byId.get(id));
            List<VerificationPair> pairs = new ArrayList<>(samePairs(members, pairsPerClass, rnd, f));
            pairs.addAll(differentPairs(members, pairsPerClass, rnd, f));
            out.add(new PairFold(f, pairs));
        }
        return out;
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
        long possible = 0, total = 0;
        for (List<Integer> g : groups) total += g.size();
        for (List<Integer> g : groups) possible += (long) g.size() * (total - g.size());
        possible /= 2;
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
