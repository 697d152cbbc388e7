package io.unveil.core.record;

import java.util.Map;

/**
 * A decision about one visit (one person on one camera, tracked across short detection gaps), published to
 * {@code unveil.events} with the camera id as key, so every event of a visit is in one partition, in order. Schema:
 * {@code docs/event.schema.json}; the demo, {@code run --print-events}, the gallery's SSE stream and the topic all
 * write this shape.
 *
 * <p>{@code type}: FIRST (the visit's decision has enough evidence), CHANGED (the decision changed, with the same
 * evidence), ENDED (the visit ended: final decision and {@code visit} summary), RETROACTIVE (a past visit matched a
 * newly enrolled identity). Exactly one of {@code identityId} and {@code unknownId} is set. {@code trackId} is the
 * visit's id: the tracker id of its first track.
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
        Thumbnails thumbnails,
        Visit visit) {

    /** An event without a visit summary (one-frame decisions, tests). */
    public RecognitionEvent(String eventId, String type, String cameraId, long captureTimeMs, long trackId, Box box,
                            String identityId, String name, String unknownId, float similarity, float margin, int frames,
                            float occlusionRatio, boolean inpainted, boolean retroactive, Map<String, String> modelVersions,
                            Thumbnails thumbnails) {
        this(eventId, type, cameraId, captureTimeMs, trackId, box, identityId, name, unknownId, similarity, margin, frames,
                occlusionRatio, inpainted, retroactive, modelVersions, thumbnails, null);
    }

    /** The same event without its thumbnails (for terminals and logs: the images stay on the topic). */
    public RecognitionEvent withoutThumbnails() {
        return new RecognitionEvent(eventId, type, cameraId, captureTimeMs, trackId, box, identityId, name, unknownId, similarity,
                margin, frames, occlusionRatio, inpainted, retroactive, modelVersions, null, visit);
    }

    /** Small PNGs for operators' screens: aligned face, estimated occlusion mask, repaired face (each may be null). */
    public record Thumbnails(byte[] aligned, byte[] mask, byte[] repaired) {
    }

    /**
     * The visit so far (FIRST, CHANGED) or whole (ENDED, RETROACTIVE): capture times of its first and latest face,
     * faces seen, tracker tracks joined into it (a person lost by the detector for less than the visit gap and
     * re-identified), the highest fused similarity to any enrolled identity, and the shares of its faces that were
     * occluded (the estimator's verdict) and repaired (inpainted).
     */
    public record Visit(long startMs, long endMs, int frames, int tracks, float bestSimilarity, float occludedShare,
                        float repairedShare) {
    }
}
