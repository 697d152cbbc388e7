package io.unveil.inpaint.stage;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Occlusion;

/** Estimates the occlusion of an aligned FACE_128 face (mask PNG 128x128, 255 = occluded, and the routing decision). */
@FunctionalInterface
public interface OcclusionStep {
    Occlusion estimate(RgbImage aligned);
}
