package io.unveil.recognize.match;

/**
 * Open-set decision: a match is accepted only when its cosine similarity reaches the calibrated threshold and it beats
 * the second-best identity by at least {@code minMargin}. Everything else is unknown.
 */
public record OpenSetPolicy(float threshold, float minMargin) {
    public OpenSetPolicy {
        if (!(threshold > -1f && threshold < 1f)) throw new IllegalArgumentException("threshold must be in (-1,1): " + threshold);
        if (minMargin < 0f) throw new IllegalArgumentException("minMargin must be >= 0: " + minMargin);
    }

    public boolean accepts(Match m) {
        return !m.isEmpty() && m.similarity() >= threshold && m.margin() >= minMargin;
    }
}
