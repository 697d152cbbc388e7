package io.unveil.inpaint.stage;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Occlusion;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.inpaint.occlusion.FaceOcclusionModel;
import java.util.Collections;
import java.util.List;

/**
 * The inpaint stage's occlusion step: the occlusion model on the aligned face, with the face's frame landmarks mapped
 * into it, so the record carries the eyes, nose and mouth shares and the mask post-processing that needs the face's
 * geometry (holes kept open at the eyes) applies. Without landmarks the share is over the whole image.
 */
public final class EstimatorOcclusionStep implements OcclusionStep {
    private final FaceOcclusionModel model;

    public EstimatorOcclusionStep(FaceOcclusionModel model) {
        this.model = model;
    }

    @Override
    public Occlusion estimate(RgbImage aligned, float[] frameLandmarks) {
        float[] lm = FaceAligner.alignedLandmarks(frameLandmarks, AlignTarget.FACE_128);
        return model.estimate(List.of(aligned), Collections.singletonList(lm)).get(0).toRecord(model.model());
    }
}
