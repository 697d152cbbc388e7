package io.unveil.inpaint.occlusion;

import io.unveil.core.image.RgbImage;
import io.unveil.core.model.LoadedModel;
import java.util.List;

/**
 * What the occlusion stage needs from an estimator (implemented by {@link OcclusionEstimator}); the inpaint role gets
 * it from the registry of {@code inpaint.occlusion-model}.
 */
public interface FaceOcclusionModel extends LoadedModel {
    /** @param landmarks per face, 68 aligned (x, y) pairs, or null entries */
    List<OcclusionResult> estimate(List<RgbImage> faces, List<float[]> landmarks);

    /** Model name and version stamped on each {@link io.unveil.core.record.Occlusion}. */
    @Override
    String model();
}
