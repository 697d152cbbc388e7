package io.unveil.recognize.match;

import io.unveil.core.record.GalleryEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-local view of {@code unveil.gallery}, fed by the global-store updater: entries by id and an immutable
 * {@link CentroidMatcher} snapshot swapped atomically on every change. Also keeps an append-only log of identities
 * that appeared while running, which retroactive search consumes (each task with its own cursor).
 */
public final class GalleryIndex {
    private final Map<String, GalleryEntry> entries = new ConcurrentHashMap<>();
    private volatile CentroidMatcher snapshot = CentroidMatcher.EMPTY;
    private final List<GalleryEntry> enrolled = Collections.synchronizedList(new ArrayList<>());
    private final float[] center;

    public GalleryIndex() {
        this(null);
    }

    /** @param center population mean of unit descriptors from calibration (null: plain cosine) */
    public GalleryIndex(float[] center) {
        this.center = center;
    }

    public float[] center() {
        return center;
    }

    /** Loads entries without logging them as new (state restored at start-up). */
    public synchronized void load(Iterable<GalleryEntry> restored) {
        for (GalleryEntry e : restored) if (e != null) entries.put(e.id(), e);
        rebuild();
    }

    /** Applies one gallery record; a null entry deletes the id. Returns true when the id is new to this index. */
    public synchronized boolean apply(String id, GalleryEntry entry) {
        boolean isNew;
        if (entry == null) {
            isNew = false;
            entries.remove(id);
        } else {
            isNew = entries.put(id, entry) == null;
            if (isNew) enrolled.add(entry);
        }
        rebuild();
        return isNew;
    }

    private void rebuild() {
        snapshot = CentroidMatcher.of(entries.values(), center);
    }

    public CentroidMatcher snapshot() {
        return snapshot;
    }

    public int size() {
        return entries.size();
    }

    public GalleryEntry get(String id) {
        return entries.get(id);
    }

    /** Number of identities that appeared while running (cursor end for {@link #enrolledSince}). */
    public int enrolledCount() {
        return enrolled.size();
    }

    public List<GalleryEntry> enrolledSince(int cursor) {
        synchronized (enrolled) {
            return cursor >= enrolled.size() ? List.of() : List.copyOf(enrolled.subList(cursor, enrolled.size()));
        }
    }
}
