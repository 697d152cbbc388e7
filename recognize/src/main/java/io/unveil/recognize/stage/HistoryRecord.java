package io.unveil.recognize.stage;

import io.unveil.core.record.Box;
import io.unveil.core.record.RecognitionEvent;

/**
 * One past visit kept for retroactive search, the value of {@code unveil.faces.history} (JSON bytes): a finished
 * visit's fused embedding with where and when it was seen, its summary, plus optionally its best aligned face.
 * {@code decidedLabel} is the identity it was announced as (or the last one a retroactive event named it as), so a
 * visit yields at most one RETROACTIVE event per identity.
 */
public record HistoryRecord(String sightingId, String cameraId, long trackId, long firstCaptureMs, long lastCaptureMs,
                            Box box, int frames, float[] embedding, float occlusionRatio, boolean inpainted,
                            String decidedLabel, byte[] aligned, RecognitionEvent.Visit visit) {
    HistoryRecord decidedAs(String identityId) {
        return new HistoryRecord(sightingId, cameraId, trackId, firstCaptureMs, lastCaptureMs, box, frames, embedding,
                occlusionRatio, inpainted, identityId, aligned, visit);
    }
}
