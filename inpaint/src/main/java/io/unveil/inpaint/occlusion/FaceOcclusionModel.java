package io.unveil.inpaint.occlusion;

import io.unveil.core.image.RgbImage;
import java.util.List;

/** What the occlusion stage needs from an estimator (implemented by {@link OcclusionEstimator}). */
public interface FaceOcclusionModel {
    /** @param landmarks per face, 68 aligned (x, y) pairs, or null entries */
    List<OcclusionResult> estimate(List<RgbImage> faces, List<float[]> landmarks);

    /** Model name and version stamped on each {@link io.unveil.core.record.Occlusion}. */
    String model();
}
