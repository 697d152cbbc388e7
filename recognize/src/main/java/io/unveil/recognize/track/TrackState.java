package io.unveil.recognize.track;

import io.unveil.core.record.Box;
import io.unveil.recognize.match.ConditionTally;

/**
 * Fusion state of one track (camera + track id), kept in a state store between frames: quality-weighted sum of unit
 * embeddings, frame count, the last box, the best-quality frame's thumbnails and the last decision emitted.
 * Public fields so it round-trips through JSON without ceremony.
 */
public final class TrackState {
    public String cameraId;
    public long trackId;
    public float[] sum;
    public double weight;
    public int frames;
    public long firstCaptureMs;
    public long lastCaptureMs;
    public long lastSeenWallMs;
    public Box box;
    public float occlusionRatio;
    public boolean inpainted;
    /** Frames per probe condition: the fused embedding is matched under the majority's threshold and centroid. */
    public ConditionTally condition = new ConditionTally();
    public float bestQuality = -1f;
    public byte[] thumbAligned;
    public byte[] thumbMask;
    public byte[] thumbRepaired;
    /** Label of the last emitted decision: identity id, {@link TrackFusion#UNKNOWN}, or null before the first. */
    public String emittedLabel;
    public int events;

    public TrackState() {
    }

    public TrackState(String cameraId, long trackId, int dim) {
        this.cameraId = cameraId;
        this.trackId = trackId;
        this.sum = new float[dim];
    }
}
