package io.unveil.detector.stage;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;

/** The production cropper: {@link FaceAligner} to FACE_128 and CHIP_150 (the same dlib geometry at two sizes). */
public final class AlignedCropper implements FaceCropper {
    public static final AlignedCropper INSTANCE = new AlignedCropper();

    private AlignedCropper() {
    }

    @Override
    public Crops crop(RgbImage frame, float[] landmarks68) {
        return new Crops(FaceAligner.align(frame, landmarks68, AlignTarget.FACE_128).image(),
                FaceAligner.align(frame, landmarks68, AlignTarget.CHIP_150).image());
    }
}
