package io.unveil.recognize.track;

import io.unveil.recognize.match.Match;

/**
 * What fusion decided for a track after a frame or at its end. {@code type} is FIRST, CHANGED or ENDED (an event is
 * due) or null (nothing to emit). {@code label} is the identity id or {@link TrackFusion#UNKNOWN} (or null while
 * undecided). {@code fused} is the unit-length fused embedding.
 */
public record TrackDecision(String type, String label, Match match, float[] fused) {
    public boolean emits() {
        return type != null;
    }

    public boolean unknown() {
        return TrackFusion.UNKNOWN.equals(label);
    }
}
