package io.unveil.detector.track;

import io.unveil.core.record.Box;

/**
 * One tracked face of one camera: last box, its velocity (pixels per millisecond of capture time, for predicting
 * where the face is next), when it was last seen and how many detections it has.
 */
public record Track(long id, Box box, float vx, float vy, long lastSeenMs, int hits) {
    /** Where the face is expected at time t (constant velocity, at most 1 s ahead). */
    public Box predict(long t) {
        long dt = Math.max(0, Math.min(1000, t - lastSeenMs));
        return new Box(box.x() + vx * dt, box.y() + vy * dt, box.width(), box.height());
    }
}
