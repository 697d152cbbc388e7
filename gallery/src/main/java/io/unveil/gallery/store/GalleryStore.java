package io.unveil.gallery.store;

import io.unveil.core.record.GalleryEntry;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The enrolled identities as the service sees them. The source of truth is the compacted {@code unveil.gallery}
 * topic ({@link KafkaGalleryStore}); writes return once the topic acknowledged them, and are visible to reads at once.
 */
public interface GalleryStore extends AutoCloseable {
    List<GalleryEntry> list();

    GalleryEntry get(String id);

    /**
     * One read-modify-write of an identity, atomic across every writer of the gallery (other threads and other
     * processes): {@code change} gets the latest acknowledged entry (null: none) and returns what to write (null: a
     * tombstone); returning its argument unchanged writes nothing. A write acknowledged by another writer after
     * {@code change} read the entry makes the store call {@code change} again on the newer entry, so no acknowledged
     * write is overwritten by one computed from an older entry. An exception from {@code change} writes nothing.
     *
     * @return the entry written (null after a tombstone), or the unchanged argument
     * @throws ConcurrentWriteException when other writers kept winning (the caller may retry later)
     */
    GalleryEntry update(String id, UnaryOperator<GalleryEntry> change);

    /** Writes {@code entry} whatever the latest entry of its id is (a new identity). */
    default void put(GalleryEntry entry) {
        update(entry.id(), current -> entry);
    }

    /** Publishes a tombstone; returns false when the id is not known. */
    default boolean delete(String id) {
        boolean[] found = {false};
        update(id, current -> {
            found[0] = current != null;
            return null; // on null, "unchanged": nothing is written
        });
        return found[0];
    }

    /** True once the store has caught up with the topic (reads are complete). */
    boolean ready();

    @Override
    void close();
}
