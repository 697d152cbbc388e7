package io.unveil.recognize.track;

import io.unveil.core.record.Face;
import io.unveil.recognize.match.CentroidMatcher;
import io.unveil.recognize.match.Match;
import io.unveil.recognize.match.OpenSetPolicy;
import io.unveil.recognize.match.ProbeCondition;
import io.unveil.recognize.match.Vectors;

/**
 * One decision per track. Every frame's unit embedding is added to the track's sum weighted by the frame's quality
 * score (and down-weighted by its occluded share); the fused (normalized) embedding is matched against the gallery
 * snapshot. An event is due when the track first reaches a confident decision (a match the policy accepts, or
 * "unknown" once {@code minFramesUnknown} frames failed to match), when that decision changes to another identity (or
 * from unknown to an identity), and when the track ends.
 */
public final class TrackFusion {
    public static final String UNKNOWN = "unknown";
    public static final String FIRST = "FIRST";
    public static final String CHANGED = "CHANGED";
    public static final String ENDED = "ENDED";
    public static final String RETROACTIVE = "RETROACTIVE";

    private final OpenSetPolicy policy;
    private final int minFramesUnknown;

    public TrackFusion(OpenSetPolicy policy, int minFramesUnknown) {
        if (minFramesUnknown < 1) throw new IllegalArgumentException("minFramesUnknown must be >= 1");
        this.policy = policy;
        this.minFramesUnknown = minFramesUnknown;
    }

    public OpenSetPolicy policy() {
        return policy;
    }

    /** Weight of one frame in the fusion: quality score (0.5 when unknown), halved by full occlusion, at least 0.05. */
    public static float weight(Face face) {
        float q = face.quality() == null ? 0.5f : face.quality().score();
        if (!Float.isFinite(q)) q = 0.5f;
        float occ = face.occlusion() == null ? 0f : face.occlusion().ratio();
        if (face.inpainted()) occ *= 0.5f; // the inpainted chip restored part of what the mask hid
        return Math.max(0.05f, Math.min(1f, q) * (1f - 0.5f * Math.max(0f, Math.min(1f, occ))));
    }

    /** Adds one frame to the track and returns the decision (with an event type when one is due). */
    public TrackDecision add(TrackState t, Face face, float[] embedding, long wallMs, CentroidMatcher gallery) {
        float w = weight(face);
        Vectors.addScaled(t.sum, Vectors.normalized(embedding), w);
        t.weight += w;
        if (t.frames == 0) t.firstCaptureMs = face.captureTimeMs();
        t.frames++;
        t.lastCaptureMs = Math.max(t.lastCaptureMs, face.captureTimeMs());
        t.lastSeenWallMs = wallMs;
        t.box = face.box();
        if (face.occlusion() != null) t.occlusionRatio = face.occlusion().ratio();
        t.inpainted |= face.inpainted();
        t.condition.add(ProbeCondition.of(face));
        float q = face.quality() == null ? 0f : face.quality().score();
        if (q > t.bestQuality || t.thumbAligned == null) {
            t.bestQuality = q;
            t.thumbAligned = face.aligned();
            t.thumbMask = face.occlusion() == null ? null : face.occlusion().maskPng();
            t.thumbRepaired = face.repaired();
        }
        float[] fused = Vectors.normalized(t.sum);
        Match m = gallery.match(fused, t.condition.majority());
        String label = policy.accepts(m) ? m.identityId() : (t.frames >= minFramesUnknown ? UNKNOWN : null);
        // mid-track, a confident identity is only replaced by another identity, not by "unknown" (a few poor frames
        // should not flap the decision); the ENDED event carries the final verdict either way
        if (UNKNOWN.equals(label) && t.emittedLabel != null && !UNKNOWN.equals(t.emittedLabel)) label = t.emittedLabel;
        String type = null;
        if (label != null && !label.equals(t.emittedLabel)) {
            type = t.emittedLabel == null ? FIRST : CHANGED;
            t.emittedLabel = label;
            t.events++;
        }
        return new TrackDecision(type, label, m, fused);
    }

    /** Final decision for a track that went idle: always an ENDED event (the label may still be unknown). */
    public TrackDecision end(TrackState t, CentroidMatcher gallery) {
        float[] fused = Vectors.normalized(t.sum);
        Match m = gallery.match(fused, t.condition.majority());
        String label = policy.accepts(m) ? m.identityId() : UNKNOWN;
        t.emittedLabel = label;
        t.events++;
        return new TrackDecision(ENDED, label, m, fused);
    }
}
