package io.unveil.inpaint.stage;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Occlusion;

/**
 * Estimates the occlusion of an aligned FACE_128 face (mask PNG 128x128, 255 = occluded, per-region shares and the
 * routing decision); {@code frameLandmarks} are the face's 68 landmarks in frame pixels as the detector found them
 * (null when the record has none).
 */
@FunctionalInterface
public interface OcclusionStep {
    Occlusion estimate(RgbImage aligned, float[] frameLandmarks);
}
