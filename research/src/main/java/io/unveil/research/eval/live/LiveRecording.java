package io.unveil.research.eval.live;

import io.unveil.core.record.RecognitionEvent;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline did during a live test: the capture time of the video's first frame ({@code originMs}; a file
 * camera stamps frame k at origin + its media time), the gallery id each enrolled identity got, the identities the
 * gallery refused (with the reason), every event and every face seen on {@code unveil.faces}, the roles that ran, and
 * the occlusion estimate of every face on {@code unveil.faces.repaired} (empty without the inpaint role).
 */
public record LiveRecording(long originMs, Map<String, String> galleryIds, Map<String, String> refused, List<RecognitionEvent> events,
                            List<SeenFace> faces, List<String> roles, String pipelineNote, List<Estimate> estimates) {
    public LiveRecording(long originMs, Map<String, String> galleryIds, Map<String, String> refused, List<RecognitionEvent> events,
                         List<SeenFace> faces, List<String> roles, String pipelineNote) {
        this(originMs, galleryIds, refused, events, faces, roles, pipelineNote, List.of());
    }

    /** A face on {@code unveil.faces.repaired}: when, which track, whether the estimator called it occluded, whether it was inpainted. */
    public record Estimate(long captureTimeMs, long trackId, boolean occluded, boolean inpainted) {
    }

    /** A face on {@code unveil.faces}: when (capture time), which track, and the aligned face (PNG). */
    public record SeenFace(long captureTimeMs, long trackId, byte[] alignedPng) {
    }
}
