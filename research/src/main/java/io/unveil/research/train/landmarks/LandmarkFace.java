package io.unveil.research.train.landmarks;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;

/**
 * A photo with its face's ground truth: the 68 landmarks the pretrained net gives on the unmasked photo (on
 * TinyFaceDetector 416's box, else YuNet's: {@code DetectionEvaluation.groundTruth}, the ground truth of
 * {@code unveil eval detection}), and YuNet's box of that face in face-api's convention (the crop the pipeline gives the
 * landmark net).
 */
public record LandmarkFace(String file, String identity, RgbImage photo, float[] truth, Box box) {
}
