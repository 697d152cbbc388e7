package io.unveil.recognize.match;

/**
 * Best gallery candidate for one embedding: identity, cosine similarity, and the similarity of the second-best
 * identity (margin = best - second; with one identity the second is -1). {@link #NONE} when the gallery is empty.
 */
public record Match(String identityId, String name, float similarity, float secondSimilarity) {
    public static final Match NONE = new Match(null, null, -1f, -1f);

    public float margin() {
        return identityId == null ? 0f : similarity - secondSimilarity;
    }

    public boolean isEmpty() {
        return identityId == null;
    }
}
