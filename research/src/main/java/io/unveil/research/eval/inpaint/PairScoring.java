package io.unveil.research.eval.inpaint;

import io.unveil.research.eval.CrossValidation;
import io.unveil.research.eval.FacePair;
import io.unveil.research.eval.PairFold;
import io.unveil.research.eval.PairedBootstrap;
import io.unveil.research.eval.VerificationMetrics;
import io.unveil.research.eval.VerificationPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores every method on one fixed list of pairs (the same pairs, folds and thresholds rule for all of them) and
 * compares the methods with a {@link PairedBootstrap} over the pairs' identities (or the pairs themselves).
 */
final class PairScoring {
    /** One method on the pairs: k-fold result, each pair's outcome and score, and the fingerprint of the pairs used. */
    record Scored(CrossValidation cv, boolean[] correct, double[] scores, int pairsFingerprint) {
    }

    private final List<FacePair> pairs;
    private final int folds;
    private final int[] identityA;
    private final int[] identityB;
    private final int identities;

    /**
     * @param identityOfFace identity of each face index the pairs refer to
     */
    PairScoring(List<FacePair> pairs, List<String> identityOfFace) {
        this.pairs = List.copyOf(pairs);
        this.folds = pairs.stream().mapToInt(FacePair::fold).max().orElse(0) + 1;
        Map<String, Integer> index = new TreeMap<>();
        for (FacePair p : pairs) {
            index.putIfAbsent(identityOfFace.get(p.a()), 0);
            index.putIfAbsent(identityOfFace.get(p.b()), 0);
        }
        int k = 0;
        for (var e : index.entrySet()) e.setValue(k++);
        identities = index.size();
        identityA = new int[pairs.size()];
        identityB = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            identityA[i] = index.get(identityOfFace.get(pairs.get(i).a()));
            identityB[i] = index.get(identityOfFace.get(pairs.get(i).b()));
        }
    }

    int folds() {
        return folds;
    }

    int identities() {
        return identities;
    }

    /** Fingerprint of the pair list (faces, label, fold of every pair, in order). */
    int fingerprint() {
        return pairs.hashCode();
    }

    /**
     * @param first  descriptor of each pair's first face (the unoccluded GT one, or the repaired one when both are occluded)
     * @param second descriptor of each pair's second face, as the method repaired it
     */
    Scored score(Map<Integer, float[]> first, Map<Integer, float[]> second) {
        double[] distance = new double[pairs.size()], scores = new double[pairs.size()];
        List<List<VerificationPair>> byFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) byFold.add(new ArrayList<>());
        Map<VerificationPair, Double> distanceOf = new HashMap<>();
        for (int k = 0; k < pairs.size(); k++) {
            FacePair p = pairs.get(k);
            distance[k] = VerificationMetrics.euclidean(first.get(p.a()), second.get(p.b()));
            scores[k] = -distance[k];
            VerificationPair vp = new VerificationPair(p.a(), p.b(), p.same());
            byFold.get(p.fold()).add(vp);
            distanceOf.put(vp, distance[k]);
        }
        List<PairFold> pairFolds = new ArrayList<>();
        for (int f = 0; f < folds; f++) pairFolds.add(new PairFold(f, byFold.get(f)));
        CrossValidation cv = VerificationMetrics.crossValidate(pairFolds, distanceOf::get);
        boolean[] correct = new boolean[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) correct[k] = cv.correct(distance[k], pairs.get(k).same(), pairs.get(k).fold());
        return new Scored(cv, correct, scores, fingerprint());
    }

    /**
     * @param scored GT first, OCC second, then the repairs
     */
    List<PairedBootstrap.Comparison> compare(List<Scored> scored, int replicates, boolean byPair, long seed) {
        boolean[][] correct = new boolean[scored.size()][];
        for (int k = 0; k < scored.size(); k++) correct[k] = scored.get(k).correct();
        PairedBootstrap b = byPair ? PairedBootstrap.byPair(correct) : PairedBootstrap.byIdentity(correct, identityA, identityB, identities);
        return b.compare(replicates, seed);
    }
}
