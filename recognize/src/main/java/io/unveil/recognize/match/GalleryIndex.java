package io.unveil.recognize.match;

import io.unveil.core.record.GalleryEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-local view of {@code unveil.gallery}, fed by the global-store updater: entries by id and an immutable
 * {@link CentroidMatcher} snapshot swapped atomically on every change. Also keeps an append-only log of identities
 * that appeared while running, which retroactive search consumes (each task with its own cursor).
 */
public final class GalleryIndex {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryIndex.class);
    private final Map<String, GalleryEntry> entries = new ConcurrentHashMap<>();
    private volatile CentroidMatcher snapshot = CentroidMatcher.EMPTY;
    /** Row of each matched id in {@link #snapshot}; guarded by this. */
    private final Map<String, Integer> rows = new HashMap<>();
    private final List<GalleryEntry> enrolled = Collections.synchronizedList(new ArrayList<>());
    private final float[] center;
    private final ThresholdSchedule schedule;
    private final boolean matchRegions;

    public GalleryIndex() {
        this(null);
    }

    /** @param center population mean of unit descriptors from calibration (null: plain cosine) */
    public GalleryIndex(float[] center) {
        this(center, (ThresholdSchedule) null, false);
    }

    /**
     * @param thresholds   per-condition thresholds the snapshots hold matches to (null: plain matching, the policy's threshold)
     * @param matchRegions keep the entries' occlusion-matched centroids and compare occluded probes against them
     */
    public GalleryIndex(float[] center, Thresholds thresholds, boolean matchRegions) {
        this(center, thresholds == null ? null : ThresholdSchedule.fixed(thresholds), matchRegions);
    }

    /**
     * @param schedule     the per-condition thresholds for the gallery's size (null: plain matching, the policy's
     *                     threshold); every change of the number of matched identities re-reads it
     * @param matchRegions keep the entries' occlusion-matched centroids and compare occluded probes against them
     */
    public GalleryIndex(float[] center, ThresholdSchedule schedule, boolean matchRegions) {
        this.center = center;
        this.schedule = schedule;
        this.matchRegions = matchRegions;
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
        boolean isNew = applyEntry(id, entry);
        holdToSize();
        return isNew;
    }

    /** The snapshot held to the thresholds of its own size (a fixed schedule: the same thresholds, nothing changes). */
    private void holdToSize() {
        if (schedule != null) snapshot = snapshot.withThresholds(schedule.at(snapshot.size()));
    }

    private boolean applyEntry(String id, GalleryEntry entry) {
        boolean isNew;
        if (entry == null) {
            isNew = false;
            entries.remove(id);
            removeRow(id);
        } else {
            isNew = entries.put(id, entry) == null;
            if (isNew) enrolled.add(entry);
            CentroidMatcher current = snapshot;
            if (current.size() == 0) {
                rebuild();
            } else if (current.accepts(entry)) {
                Integer row = rows.get(id);
                int r = row == null ? current.size() : row;
                snapshot = current.withRow(r, entry);
                rows.put(id, r);
            } else {
                LOG.warn("gallery entry {} has no usable {}-D centroid; it is not matched",
                        id, current.dimension());
                removeRow(id);
            }
        }
        return isNew;
    }

    /** One enrollment or deletion copies one or two blocks of the matrix instead of rebuilding it (see CentroidMatcher). */
    private void removeRow(String id) {
        Integer row = rows.remove(id);
        if (row == null) return;
        CentroidMatcher current = snapshot;
        int last = current.size() - 1;
        if (row != last) rows.put(current.idAt(last), row);
        snapshot = current.withoutRow(row);
    }

    private void rebuild() {
        CentroidMatcher m = CentroidMatcher.of(entries.values(), center, schedule == null ? null : schedule.base(), matchRegions);
        rows.clear();
        for (int r = 0; r < m.size(); r++) rows.put(m.idAt(r), r);
        snapshot = m;
        holdToSize();
    }

    /**
     * The share of strangers' visits the thresholds in force may name, 1 - (1 - FAR)^N for N matched identities and the
     * plain FAR per comparison in force ({@link ThresholdSchedule#farInForce}); NaN when the FAR is unknown.
     */
    public double strangersNamedEstimate() {
        int n = snapshot.size();
        if (schedule == null || n == 0) return schedule == null ? Double.NaN : 0;
        double far = schedule.farInForce(n);
        return Double.isNaN(far) ? Double.NaN : ThresholdSchedule.strangersNamed(far, n);
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
