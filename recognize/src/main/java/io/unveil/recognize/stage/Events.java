package io.unveil.recognize.stage;

import io.unveil.core.record.RecognitionEvent;
import io.unveil.recognize.track.TrackDecision;
import io.unveil.recognize.track.TrackState;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Builds {@link RecognitionEvent}s with deterministic ids (same track + type + ordinal = same id on replay). */
final class Events {
    private Events() {
    }

    static String id(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static RecognitionEvent fromTrack(TrackState t, TrackDecision d, Map<String, String> versions) {
        boolean unknown = d.unknown();
        return new RecognitionEvent(
                id(t.cameraId, Long.toString(t.trackId), Long.toString(t.firstCaptureMs), d.type(), Integer.toString(t.events)),
                d.type(), t.cameraId, t.lastCaptureMs, t.trackId, t.box,
                unknown ? null : d.match().identityId(), unknown ? null : d.match().name(), null,
                d.match().isEmpty() ? 0f : d.match().similarity(), d.match().margin(), t.frames,
                t.occlusionRatio, t.inpainted, false, versions,
                new RecognitionEvent.Thumbnails(t.thumbAligned, t.thumbMask, t.thumbRepaired), visit(t));
    }

    /** The visit's summary so far. */
    static RecognitionEvent.Visit visit(TrackState t) {
        float n = Math.max(1, t.frames);
        return new RecognitionEvent.Visit(t.firstCaptureMs, t.lastCaptureMs, t.frames, t.tracks,
                Math.max(-1f, t.bestSimilarity), t.occludedFrames / n, t.repairedFrames / n);
    }

    static RecognitionEvent withUnknownId(RecognitionEvent e, String unknownId) {
        return new RecognitionEvent(e.eventId(), e.type(), e.cameraId(), e.captureTimeMs(), e.trackId(), e.box(), null,
                null, unknownId, e.similarity(), e.margin(), e.frames(), e.occlusionRatio(), e.inpainted(),
                e.retroactive(), e.modelVersions(), e.thumbnails(), e.visit());
    }
}
