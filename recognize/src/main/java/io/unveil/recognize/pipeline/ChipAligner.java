package io.unveil.recognize.pipeline;

import io.unveil.core.image.RgbImage;

/** Cuts the recognizer's aligned 150x150 chip (dlib geometry, AlignTarget.CHIP_150) from an image and 68 landmarks. */
@FunctionalInterface
public interface ChipAligner {
    RgbImage chip150(RgbImage image, float[] landmarks68);
}
