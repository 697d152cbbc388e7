package io.unveil.core.record;

import java.util.Map;

/**
 * One enrolled identity: the paper's identity centroid f_id (eq. 5), a robust mean of the person's 128-D descriptors.
 * Key in {@code unveil.gallery} is {@link #id()}; a tombstone (null value) deletes the identity.
 *
 * <p>{@code occludedCentroids}: per {@link OcclusionRegion#key()} ("lower", "eyes"), the mean descriptor of the same
 * enrollment photos with a synthetic occluder drawn there (the recognizer compares an occluded probe against it).
 * Null in entries written before it existed; such entries load and match on {@code centroid} alone.
 */
public record GalleryEntry(
        String id,
        String name,
        float[] centroid,
        int count,
        float meanQuality,
        long version,
        long createdMs,
        long updatedMs,
        Map<String, String> metadata,
        Map<String, float[]> occludedCentroids) {

    /** An entry without occlusion-matched centroids (as written before they existed). */
    public GalleryEntry(String id, String name, float[] centroid, int count, float meanQuality, long version, long createdMs,
                        long updatedMs, Map<String, String> metadata) {
        this(id, name, centroid, count, meanQuality, version, createdMs, updatedMs, metadata, null);
    }

    /** The centroid of the photos with an occluder on {@code region}, or null when the entry has none. */
    public float[] occludedCentroid(OcclusionRegion region) {
        return occludedCentroids == null || region == null ? null : occludedCentroids.get(region.key());
    }
}
