package io.unveil.recognize.unknown;

import io.unveil.recognize.match.Vectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Online clustering of unknown faces into persistent anonymous ids ("unknown-17"): an embedding joins the nearest
 * cluster when its cosine similarity to the cluster's centroid reaches {@code joinThreshold}, otherwise it founds a
 * new cluster. Bounded: beyond {@code maxClusters} the least recently seen cluster is forgotten. The caller persists
 * what {@link #assign} changed (returned cluster + {@link #nextNumber()}) in its state store.
 */
public final class UnknownClusters {
    private final float joinThreshold;
    private final int maxClusters;
    private final Map<String, UnknownCluster> clusters = new LinkedHashMap<>();
    private long nextNumber = 1;

    public UnknownClusters(float joinThreshold, int maxClusters) {
        this.joinThreshold = joinThreshold;
        this.maxClusters = maxClusters;
    }

    public void restore(Collection<UnknownCluster> saved, long next) {
        for (UnknownCluster c : saved) clusters.put(c.id, c);
        nextNumber = Math.max(next, 1);
    }

    public long nextNumber() {
        return nextNumber;
    }

    public int size() {
        return clusters.size();
    }

    public record Assignment(UnknownCluster cluster, boolean created, UnknownCluster evicted) {
    }

    /** Best cluster for the embedding, or a new one. */
    public Assignment assign(float[] embedding, String cameraId, long timeMs) {
        float[] e = Vectors.normalized(embedding);
        UnknownCluster best = null;
        float bestSim = Float.NEGATIVE_INFINITY;
        for (UnknownCluster c : clusters.values()) {
            float s = Vectors.cosine(c.sum, e);
            if (s > bestSim) {
                bestSim = s;
                best = c;
            }
        }
        boolean created = false;
        UnknownCluster evicted = null;
        if (best == null || bestSim < joinThreshold) {
            best = new UnknownCluster("unknown-" + nextNumber++, e.length);
            best.firstSeenMs = timeMs;
            created = true;
            if (clusters.size() >= maxClusters) {
                evicted = clusters.values().stream().min(Comparator.comparingLong(c -> c.lastSeenMs)).orElseThrow();
                clusters.remove(evicted.id);
            }
            clusters.put(best.id, best);
        }
        join(best, e, cameraId, timeMs);
        return new Assignment(best, created, evicted);
    }

    /** Adds a later, better embedding of a track already assigned to {@code id} (no re-assignment). */
    public UnknownCluster update(String id, float[] embedding, String cameraId, long timeMs) {
        UnknownCluster c = clusters.get(id);
        if (c == null) return null;
        join(c, Vectors.normalized(embedding), cameraId, timeMs);
        return c;
    }

    private static void join(UnknownCluster c, float[] unit, String cameraId, long timeMs) {
        Vectors.addScaled(c.sum, unit, 1f);
        c.count++;
        c.lastSeenMs = Math.max(c.lastSeenMs, timeMs);
        if (cameraId != null) c.cameras.add(cameraId);
    }

    public UnknownCluster get(String id) {
        return clusters.get(id);
    }

    public List<UnknownCluster> all() {
        return new ArrayList<>(clusters.values());
    }
}
