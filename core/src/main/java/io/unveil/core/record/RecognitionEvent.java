package io.unveil.core.record;

import java.util.Map;

/**
 * A decision about one tracked face, published to {@code unveil.events}. Schema: {@code docs/event.schema.json}.
 *
 * <p>{@code type}: FIRST (track reached a confident decision), CHANGED (decision changed), ENDED (track ended, final
 * decision), RETROACTIVE (a past sighting matched a newly enrolled identity). Exactly one of {@code identityId} and
 * {@code unknownId} is set.
 */
public record RecognitionEvent(
        String eventId,
        String type,
        String cameraId,
        long captureTimeMs,
        long trackId,
        Box box,
        String identityId,
        String name,
        String unknownId,
        float similarity,
        float margin,
        int frames,
        float occlusionRatio,
        boolean inpainted,
        boolean retroactive,
        Map<String, String> modelVersions,
        Thumbnails thumbnails) {

    /** Small PNGs for operators' screens: aligned face, estimated occlusion mask, repaired face (each may be null). */
    public record Thumbnails(byte[] aligned, byte[] mask, byte[] repaired) {
    }
}
