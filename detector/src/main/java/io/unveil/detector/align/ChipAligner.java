package io.unveil.detector.align;

import io.unveil.core.image.RgbImage;

/** Cuts the recognizer's aligned 150x150 chip (dlib geometry, AlignTarget.CHIP_150) from an image and 68 landmarks. */
@FunctionalInterface
public interface ChipAligner {
    /** The production alignment: {@link FaceAligner} to {@link AlignTarget#CHIP_150}. */
    ChipAligner DLIB = (image, landmarks68) -> FaceAligner.align(image, landmarks68, AlignTarget.CHIP_150).image();

    RgbImage chip150(RgbImage image, float[] landmarks68);
}
