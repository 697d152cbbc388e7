package io.unveil.core.gallery;

import io.unveil.core.record.DeadLetter;
import io.unveil.core.runtime.DeadLetters;
import org.apache.kafka.common.header.Headers;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.OcclusionRegion;
import io.unveil.core.serde.Json;
import io.unveil.core.topic.Topics;
import java.io.IOException;

/**
 * Reads one {@code unveil.gallery} record without ever throwing: every reader of the topic (the recognizer's global
 * store, the gallery service's own reader) decodes through here, so one bad record is rejected the same way
 * everywhere and none of them stops on it. A rejected record leaves the identity as it was before it.
 */
public final class GalleryRecords {
    private GalleryRecords() {
    }

    /** Either a tombstone ({@code entry == null, reason == null}), an entry, or a reason to dead-letter. */
    public record Decoded(GalleryEntry entry, String reason) {
        public boolean rejected() {
            return reason != null;
        }

        public boolean tombstone() {
            return entry == null && reason == null;
        }
    }

    public static Decoded decode(String key, byte[] value) {
        if (key == null || key.isEmpty()) return new Decoded(null, "gallery record without a key (identity id)");
        if (value == null) return new Decoded(null, null);
        GalleryEntry e;
        try {
            e = Json.MAPPER.readValue(value, GalleryEntry.class);
        } catch (IOException | RuntimeException ex) {
            String m = String.valueOf(ex.getMessage());
            return new Decoded(null, "not a GalleryEntry JSON record: " + (m.length() > 300 ? m.substring(0, 300) + "..." : m));
        }
        if (e == null) return new Decoded(null, "JSON null is not a GalleryEntry (a delete is a record with no value)");
        if (!key.equals(e.id())) return new Decoded(null, "entry id '" + e.id() + "' differs from the record key '" + key + "'");
        if (e.name() == null || e.name().isBlank()) return new Decoded(null, "entry has no name");
        float[] c = e.centroid();
        if (c == null || c.length == 0) return new Decoded(null, "entry has no centroid");
        for (float f : c) if (!Float.isFinite(f)) return new Decoded(null, "centroid has a non-finite value");
        if (e.occludedCentroids() != null) {
            for (var oc : e.occludedCentroids().entrySet()) {
                try {
                    OcclusionRegion.ofKey(oc.getKey());
                } catch (IllegalArgumentException ex) {
                    return new Decoded(null, "occluded centroid of " + ex.getMessage());
                }
                float[] o = oc.getValue();
                if (o == null || o.length != c.length)
                    return new Decoded(null, "occluded centroid '" + oc.getKey() + "' has " + (o == null ? "no" : o.length) + " values, the centroid " + c.length);
                for (float f : o) if (!Float.isFinite(f)) return new Decoded(null, "occluded centroid '" + oc.getKey() + "' has a non-finite value");
            }
        }
        return new Decoded(e, null);
    }

    /** The dead letter of a rejected {@code unveil.gallery} record (every reader of the topic sends the same). */
    public static DeadLetter deadLetter(String stage, String reason, int partition, long offset, String key, byte[] value,
                                        long timestampMs, Headers headers) {
        return DeadLetters.of(stage, "bad-gallery-record", reason, Topics.GALLERY.name(), partition, offset, key, headers,
                value, timestampMs);
    }
}
