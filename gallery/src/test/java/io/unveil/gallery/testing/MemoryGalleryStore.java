package io.unveil.gallery.testing;

import io.unveil.core.record.GalleryEntry;
import io.unveil.gallery.store.GalleryStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Test double of the Kafka-backed store; records every write (tombstones as null) like the topic would. */
public final class MemoryGalleryStore implements GalleryStore {
    public final Map<String, GalleryEntry> entries = new ConcurrentHashMap<>();
    public final List<Map.Entry<String, GalleryEntry>> writes = new ArrayList<>();

    @Override
    public List<GalleryEntry> list() {
        List<GalleryEntry> l = new ArrayList<>(entries.values());
        l.sort(Comparator.comparing(GalleryEntry::name));
        return l;
    }

    @Override
    public GalleryEntry get(String id) {
        return entries.get(id);
    }

    /** One writer at a time, like the topic's transactional writer. */
    @Override
    public synchronized GalleryEntry update(String id, UnaryOperator<GalleryEntry> change) {
        GalleryEntry current = entries.get(id);
        GalleryEntry next = change.apply(current);
        if (next == current) return current;
        if (next == null) entries.remove(id);
        else entries.put(id, next);
        writes.add(new java.util.AbstractMap.SimpleEntry<>(id, next));
        return next;
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void close() {
    }
}
