package io.unveil.recognize.match;

/**
 * Open-set decision: a match is accepted only when its cosine similarity reaches the threshold of its condition (the
 * match's own, see {@link Match#threshold()}; this policy's {@code threshold} when the match has none) and it leads
 * the second-best identity by at least {@code minMargin}. Everything else is unknown.
 */
public record OpenSetPolicy(float threshold, float minMargin) {
    public OpenSetPolicy {
        if (!(threshold > -1f && threshold < 1f)) throw new IllegalArgumentException("threshold must be in (-1,1): " + threshold);
        if (minMargin < 0f) throw new IllegalArgumentException("minMargin must be >= 0: " + minMargin);
    }

    public boolean accepts(Match m) {
        if (m.isEmpty()) return false;
        float t = Float.isNaN(m.threshold()) ? threshold : m.threshold();
        return m.similarity() >= t && m.lead() >= minMargin;
    }
}
