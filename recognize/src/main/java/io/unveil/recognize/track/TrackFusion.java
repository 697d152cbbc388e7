package io.unveil.recognize.track;

import io.unveil.core.record.Face;
import io.unveil.recognize.match.CentroidMatcher;
import io.unveil.recognize.match.Match;
import io.unveil.recognize.match.OpenSetPolicy;
import io.unveil.recognize.match.ProbeCondition;
import io.unveil.recognize.match.Vectors;

/**
 * One decision per visit. Every frame's unit embedding is added to the visit's sum weighted by the frame's quality
 * score (and down-weighted by its occluded share); the fused (normalized) embedding is matched against the gallery
 * snapshot. What the frame says (the identity the policy accepts, or unknown) is announced only once it has the
 * evidence {@link DecisionRule} asks for: FIRST, CHANGED (a real change: unknown to a name, or another name after
 * sustained evidence), and ENDED with the announced decision when the visit ends.
 */
public final class TrackFusion {
    public static final String UNKNOWN = "unknown";
    public static final String FIRST = "FIRST";
    public static final String CHANGED = "CHANGED";
    public static final String ENDED = "ENDED";
    public static final String RETROACTIVE = "RETROACTIVE";

    private final OpenSetPolicy policy;
    private final DecisionRule rule;

    public TrackFusion(OpenSetPolicy policy, DecisionRule rule) {
        this.policy = policy;
        this.rule = rule;
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

    /** Adds one frame to the visit and returns the decision (with an event type when one is due). */
    public TrackDecision add(TrackState t, Face face, float[] embedding, long wallMs, CentroidMatcher gallery) {
        float w = weight(face);
        Vectors.addScaled(t.sum, Vectors.normalized(embedding), w);
        t.weight += w;
        // faces can arrive out of capture-time order (the inpaint batch holds occluded ones): the span and the last box
        // follow capture time, not arrival
        if (t.frames == 0 || face.captureTimeMs() < t.firstCaptureMs) t.firstCaptureMs = face.captureTimeMs();
        if (t.frames == 0 || face.captureTimeMs() >= t.lastCaptureMs) t.box = face.box();
        t.frames++;
        t.lastCaptureMs = Math.max(t.lastCaptureMs, face.captureTimeMs());
        t.lastSeenWallMs = wallMs;
        if (face.occlusion() != null) {
            t.occlusionRatio = face.occlusion().ratio();
            if (face.occlusion().occluded()) t.occludedFrames++;
        }
        if (face.inpainted()) t.repairedFrames++;
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
        if (!m.isEmpty()) t.bestSimilarity = Math.max(t.bestSimilarity, m.similarity());
        String says = policy.accepts(m) ? m.identityId() : UNKNOWN;
        if (says.equals(t.candidate)) t.candidateFrames++;
        else {
            t.candidate = says;
            t.candidateFrames = 1;
        }
        String type = null;
        if (!says.equals(t.emittedLabel) && demotes(t.emittedLabel, says)) {
            // a named visit is not turned unknown by a few poor frames: the name stays until another name has evidence
        } else if (!says.equals(t.emittedLabel) && t.candidateFrames >= rule.framesNeeded(t.emittedLabel, says)) {
            type = t.emittedLabel == null ? FIRST : CHANGED;
            if (t.emittedLabel == null) t.firstDecisionFrames = t.frames;
            t.emittedLabel = says;
            t.emittedName = UNKNOWN.equals(says) ? null : m.name();
            t.events++;
        }
        String label = t.emittedLabel;
        return new TrackDecision(type, label, label != null && !UNKNOWN.equals(label) ? matchFor(m, t, gallery, fused) : m, fused);
    }

    private static boolean demotes(String emitted, String says) {
        return emitted != null && !UNKNOWN.equals(emitted) && UNKNOWN.equals(says);
    }

    /**
     * The match to report for the announced identity: the frame's best when it is that identity, else the announced
     * identity's own similarity (-1 when it was deleted from the gallery meanwhile) against the best as second.
     */
    private static Match matchFor(Match best, TrackState t, CentroidMatcher gallery, float[] fused) {
        if (t.emittedLabel.equals(best.identityId())) return best;
        float s = gallery.similarityTo(t.emittedLabel, fused);
        return new Match(t.emittedLabel, t.emittedName, Float.isNaN(s) ? -1f : s, best.similarity());
    }

    /**
     * Final decision for a visit that ended: always an ENDED event. It keeps the announced decision. A tracked visit
     * that ended before a name had its evidence ends unknown: a name from fewer frames than the rule asks for is what
     * the rule exists to prevent (under load, visits split into one-face visits named wrongly on their ENDED). An
     * untracked face ({@code trackId < 0}: one face is all there will be) gets the policy's verdict on it.
     */
    public TrackDecision end(TrackState t, CentroidMatcher gallery) {
        float[] fused = Vectors.normalized(t.sum);
        Match m = gallery.match(fused, t.condition.majority());
        if (t.emittedLabel == null) {
            boolean untracked = t.trackId < 0;
            t.emittedLabel = untracked && policy.accepts(m) ? m.identityId() : UNKNOWN;
            t.emittedName = m.name();
        }
        if (!m.isEmpty()) t.bestSimilarity = Math.max(t.bestSimilarity, m.similarity());
        t.events++;
        String label = t.emittedLabel;
        return new TrackDecision(ENDED, label, UNKNOWN.equals(label) ? m : matchFor(m, t, gallery, fused), fused);
    }
}
