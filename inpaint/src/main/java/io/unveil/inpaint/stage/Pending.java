package io.unveil.inpaint.stage;

import io.unveil.core.record.Face;

/** An occluded face waiting in the batch store: its record key, the face (occlusion filled in) and arrival time. */
public record Pending(String key, Face face, long timestamp, long arrivedMs) {
}
