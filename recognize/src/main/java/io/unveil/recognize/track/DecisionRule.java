package io.unveil.recognize.track;

/**
 * How much evidence a visit's decision needs before it is announced. Each frame, the visit's fused embedding (all its
 * frames so far, quality-weighted) is matched; the frame "says" the identity the open-set policy accepts, or unknown.
 * <ul>
 *   <li>FIRST naming an identity: {@code nameFrames} frames in a row say that identity.</li>
 *   <li>FIRST unknown: {@code unknownFrames} frames in a row say unknown. It needs more frames than a name because an
 *       announced unknown that turns into a name a frame later is the error users saw (the fused embedding of an
 *       enrolled person often crosses the threshold only after a few frames).</li>
 *   <li>CHANGED from unknown to an identity: {@code nameFrames} frames in a row say it.</li>
 *   <li>CHANGED from one identity to another: {@code switchFrames} frames in a row say the other one (hysteresis:
 *       never on one frame). A named visit is not demoted to unknown mid-visit; its ENDED event keeps the name.</li>
 * </ul>
 * The latency this costs (frames and ms from a visit's first face to its FIRST event) is measured by
 * {@code unveil eval live} (docs/evaluation.md).
 */
public record DecisionRule(int nameFrames, int unknownFrames, int switchFrames) {
    public DecisionRule {
        if (nameFrames < 1 || unknownFrames < 1 || switchFrames < 1)
            throw new IllegalArgumentException("decision evidence frames must be >= 1: " + nameFrames + "/" + unknownFrames + "/" + switchFrames);
    }

    /** Frames in a row the candidate needs to replace what was announced ({@code emitted}, null before FIRST). */
    int framesNeeded(String emitted, String candidate) {
        boolean unknown = TrackFusion.UNKNOWN.equals(candidate);
        if (emitted == null) return unknown ? unknownFrames : nameFrames;
        if (TrackFusion.UNKNOWN.equals(emitted)) return nameFrames;
        return switchFrames;
    }
}
