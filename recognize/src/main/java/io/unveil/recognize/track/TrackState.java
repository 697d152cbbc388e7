package io.unveil.recognize.track;

import io.unveil.core.record.Box;
import io.unveil.recognize.match.ConditionTally;

/**
 * Fusion state of one visit (one person on one camera), kept in a state store between frames: quality-weighted sum of
 * unit embeddings, frame count, the last box, the best-quality frame's thumbnails, the decision emitted and the one
 * gathering evidence. A visit starts with a tracker track ({@code trackId}, its id in events) and continues with later
 * tracks of the same person ({@code detectorTrackId} is the current one). Public fields so it round-trips through
 * JSON without ceremony.
 */
public final class TrackState {
    public String cameraId;
    /** The visit's id: the tracker id of its first track. */
    public long trackId;
    /** The tracker track the visit currently follows. */
    public long detectorTrackId;
    /** Tracker tracks joined into this visit (1 + re-identifications after a detection gap). */
    public int tracks = 1;
    public float[] sum;
    public double weight;
    public int frames;
    public long firstCaptureMs;
    public long lastCaptureMs;
    public long lastSeenWallMs;
    public Box box;
    public float occlusionRatio;
    public boolean inpainted;
    /** Faces the estimator called occluded, and faces that were inpainted (for the visit's shares). */
    public int occludedFrames;
    public int repairedFrames;
    /** Highest fused similarity to any enrolled identity so far (-1 with an empty gallery). */
    public float bestSimilarity = -1f;
    /** Frames per probe condition: the fused embedding is matched under the majority's threshold and centroid. */
    public ConditionTally condition = new ConditionTally();
    public float bestQuality = -1f;
    public byte[] thumbAligned;
    public byte[] thumbMask;
    public byte[] thumbRepaired;
    /** Label of the last emitted decision: identity id, {@link TrackFusion#UNKNOWN}, or null before the first. */
    public String emittedLabel;
    /** Display name of the announced identity (null for unknown). */
    public String emittedName;
    /** What the latest frames say (identity id or {@link TrackFusion#UNKNOWN}) and for how many frames in a row. */
    public String candidate;
    public int candidateFrames;
    /** Frames the visit had when its FIRST event was due (0 before), for the decision latency. */
    public int firstDecisionFrames;
    public int events;

    public TrackState() {
    }

    public TrackState(String cameraId, long trackId, int dim) {
        this.cameraId = cameraId;
        this.trackId = trackId;
        this.detectorTrackId = trackId;
        this.sum = new float[dim];
    }
}
