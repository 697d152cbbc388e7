package io.unveil.gallery.store;

import io.unveil.core.record.GalleryEntry;
import java.util.List;

/**
 * The enrolled identities as the service sees them. The source of truth is the compacted {@code unveil.gallery}
 * topic ({@link KafkaGalleryStore}); writes return once the topic acknowledged them, and are visible to reads at once.
 */
public interface GalleryStore extends AutoCloseable {
    List<GalleryEntry> list();

    GalleryEntry get(String id);

    void put(GalleryEntry entry);

    /** Publishes a tombstone; returns false when the id is not known. */
    boolean delete(String id);

    /** True once the store has caught up with the topic (reads are complete). */
    boolean ready();

    @Override
    void close();
}
