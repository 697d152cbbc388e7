package io.unveil.research.eval;

/** Two samples (indices into the caller's sample list) and whether they show the same identity. */
public record VerificationPair(int first, int second, boolean same) {
    public VerificationPair {
        if (first == second) throw new IllegalArgumentException("a pair needs two different samples");
    }
}
