package io.unveil.gallery.testing;

import io.unveil.core.record.GalleryEntry;
import io.unveil.gallery.store.GalleryStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    @Override
    public synchronized void put(GalleryEntry e) {
        entries.put(e.id(), e);
        writes.add(new java.util.AbstractMap.SimpleEntry<>(e.id(), e));
    }

    @Override
    public synchronized boolean delete(String id) {
        if (entries.remove(id) == null) return false;
        writes.add(new java.util.AbstractMap.SimpleEntry<>(id, null));
        return true;
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void close() {
    }
}
