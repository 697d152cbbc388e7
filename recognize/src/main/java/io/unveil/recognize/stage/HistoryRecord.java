package io.unveil.recognize.stage;

import io.unveil.core.record.Box;

/**
 * One past sighting kept for retroactive search, the value of {@code unveil.faces.history} (JSON bytes): a finished
 * track's fused embedding with where and when it was seen, plus optionally its best aligned face.
 */
public record HistoryRecord(String sightingId, String cameraId, long trackId, long firstCaptureMs, long lastCaptureMs,
                            Box box, int frames, float[] embedding, float occlusionRatio, boolean inpainted,
                            String decidedLabel, byte[] aligned) {
}
