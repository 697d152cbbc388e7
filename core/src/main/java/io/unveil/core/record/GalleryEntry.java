package io.unveil.core.record;

import java.util.Map;

/**
 * One enrolled identity: the paper's identity centroid f_id (eq. 5), a robust mean of the person's 128-D descriptors.
 * Key in {@code unveil.gallery} is {@link #id()}; a tombstone (null value) deletes the identity.
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
        Map<String, String> metadata) {
}
