package io.unveil.deploy.bench;

import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.OcclusionEstimator;

/** Whether the inpaint role can start: both of its networks' weights are committed resources. */
final class InpaintWeights {
    private InpaintWeights() {
    }

    static boolean committed() {
        return OcclusionEstimator.class.getResource(OcclusionEstimator.RESOURCE) != null
                && Inpainter.class.getResource(Inpainter.RESOURCE) != null;
    }
}
