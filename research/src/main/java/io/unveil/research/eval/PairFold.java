package io.unveil.research.eval;

import java.util.List;

/** One fold of a verification protocol: its pairs (same and different), identity-disjoint from the other folds. */
public record PairFold(int index, List<VerificationPair> pairs) {
    public PairFold {
        pairs = List.copyOf(pairs);
    }

    public long sameCount() {
        return pairs.stream().filter(VerificationPair::same).count();
    }
}
