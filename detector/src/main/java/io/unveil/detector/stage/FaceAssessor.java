package io.unveil.detector.stage;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.Quality;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.quality.HeadPose;
import io.unveil.detector.quality.QualityGate;
import io.unveil.detector.quality.Sharpness;

/**
 * What the detector stage does with one detection before it becomes a face record: size check, alignment, sharpness,
 * head pose, quality gate. Shared by the stage and by evaluations that must see exactly the faces the stage passes on.
 */
public final class FaceAssessor {
    /** The crops and quality of a face, or the reason it is dropped ({@code small}, {@code align-error}, ...). */
    public record Assessment(FaceCropper.Crops crops, Quality quality, String reject) {
        public boolean passed() {
            return reject == null;
        }
    }

    private final DetectorConfig config;
    private final FaceCropper cropper;
    private final QualityGate gate;

    public FaceAssessor(DetectorConfig config, FaceCropper cropper) {
        this.config = config;
        this.cropper = cropper;
        this.gate = new QualityGate(config);
    }

    public Assessment assess(RgbImage image, DetectedFace f) {
        Box b = f.box();
        float size = Math.min(b.width(), b.height());
        if (size < config.minFacePx()) return new Assessment(null, null, QualityGate.Reject.SMALL.name().toLowerCase());
        FaceCropper.Crops crops;
        try {
            crops = cropper.crop(image, f.landmarks());
        } catch (RuntimeException e) {
            return new Assessment(null, null, "align-error");
        }
        double sharp = Sharpness.varianceOfLaplacian(crops.face128());
        HeadPose.Angles pose = HeadPose.estimate(f.landmarks(), image.width(), image.height());
        Quality q = new Quality(size, (float) sharp, (float) pose.yaw(), (float) pose.pitch(), (float) pose.roll(),
                QualityGate.score(size, sharp, pose.yaw(), pose.pitch()));
        QualityGate.Reject reject = gate.check(q);
        return new Assessment(crops, q, reject == null ? null : reject.name().toLowerCase());
    }
}
