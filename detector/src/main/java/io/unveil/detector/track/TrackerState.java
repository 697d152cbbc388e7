package io.unveil.detector.track;

import java.util.List;

/** The tracker's state for one camera, kept in a Kafka Streams state store (changelogged) so it survives restarts. */
public record TrackerState(long nextId, List<Track> tracks) {
    public static TrackerState empty() {
        return new TrackerState(1, List.of());
    }
}
