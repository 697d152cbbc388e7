package io.unveil.research.eval;

/** A verification pair: two face indices into an evaluation's face list, whether they show the same person, and the fold. */
public record FacePair(int a, int b, boolean same, int fold) {
}
