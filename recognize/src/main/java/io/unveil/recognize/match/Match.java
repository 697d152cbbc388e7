package io.unveil.recognize.match;

/**
 * Best gallery candidate for one embedding: identity, cosine similarity, the second-best identity's similarity on the
 * same scale (-1 when there is no other identity), and the threshold the similarity is held to (that of the probe's
 * condition and the centroid it matched, see {@link CentroidMatcher#match(float[], ProbeCondition)}; NaN when the
 * match was made without one, and the policy's own applies). {@code centroid} says which centroid matched: "plain" or
 * an occluded region's key. {@link #NONE} when the gallery is empty.
 */
public record Match(String identityId, String name, float similarity, float secondSimilarity, float threshold, String centroid) {
    public static final Match NONE = new Match(null, null, -1f, -1f);

    /** A match against plain centroids without a threshold of its own. */
    public Match(String identityId, String name, float similarity, float secondSimilarity) {
        this(identityId, name, similarity, secondSimilarity, Float.NaN, "plain");
    }

    /** How far the best identity leads the second best (with one identity enrolled: similarity + 1, which says nothing). */
    public float lead() {
        return identityId == null ? 0f : similarity - secondSimilarity;
    }

    /**
     * The decision's margin: how far the similarity clears whichever is higher, the threshold or the second-best
     * identity; negative when it fails either. With one identity enrolled this is the distance to the threshold (the
     * page's "margin 1.711" of a single identity was the lead over the -1 placeholder). Without a threshold, the lead.
     */
    public float margin() {
        if (identityId == null) return 0f;
        if (Float.isNaN(threshold)) return lead();
        return similarity - Math.max(threshold, secondSimilarity);
    }

    public boolean isEmpty() {
        return identityId == null;
    }
}
