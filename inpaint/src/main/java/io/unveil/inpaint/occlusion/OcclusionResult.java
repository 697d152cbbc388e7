package io.unveil.inpaint.occlusion;

import io.unveil.core.record.Occlusion;

/**
 * Estimated occlusion of one aligned face: per-pixel probability and binary mask (128x128, row-major), occluded share
 * of the face (landmark hull; whole image without landmarks), per-region shares and the routing decision.
 */
public record OcclusionResult(float[] probability, byte[] mask, float ratio, float eyes, float nose, float mouth,
                              boolean occluded) {

    public Occlusion toRecord(String model) {
        return new Occlusion(MaskImages.encodePng(mask, OcclusionNet.SIZE, OcclusionNet.SIZE), ratio, eyes, nose, mouth,
                occluded, model);
    }
}
