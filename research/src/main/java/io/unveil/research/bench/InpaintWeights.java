package io.unveil.research.bench;

import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.OcclusionEstimator;

/** Whether the inpaint role can start: both of its networks' weights are committed resources. */
public final class InpaintWeights {
    private InpaintWeights() {
    }

    public static boolean committed() {
        return OcclusionEstimator.class.getResource(OcclusionEstimator.RESOURCE) != null
                && Inpainter.class.getResource(Inpainter.RESOURCE) != null;
    }
}
