package io.unveil.recognize.unknown;

import java.util.TreeSet;

/** One anonymous person: running sum of unit embeddings, how often and where they were seen. */
public final class UnknownCluster {
    public String id;
    public float[] sum;
    public int count;
    public long firstSeenMs;
    public long lastSeenMs;
    public TreeSet<String> cameras = new TreeSet<>();

    public UnknownCluster() {
    }

    public UnknownCluster(String id, int dim) {
        this.id = id;
        this.sum = new float[dim];
    }
}
