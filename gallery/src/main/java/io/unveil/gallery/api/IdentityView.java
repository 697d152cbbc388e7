package io.unveil.gallery.api;

import io.unveil.core.record.GalleryEntry;
import java.util.Map;

/** An identity as the API shows it: never the centroid (an embedding of the person's face). */
public record IdentityView(String id, String name, int count, float meanQuality, long version, long createdMs,
                           long updatedMs, Map<String, String> metadata) {
    public static IdentityView of(GalleryEntry e) {
        return new IdentityView(e.id(), e.name(), e.count(), e.meanQuality(), e.version(), e.createdMs(), e.updatedMs(),
                e.metadata() == null ? Map.of() : e.metadata());
    }
}
