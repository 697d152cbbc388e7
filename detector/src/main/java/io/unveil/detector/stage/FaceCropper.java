package io.unveil.detector.stage;

import io.unveil.core.image.RgbImage;

/** Cuts the canonical faces out of a frame from a face's 68 landmarks (frame pixels). */
public interface FaceCropper {
    /** face128: the canonical aligned 128x128 face; chip150: the recognizer's 150x150 chip (same geometry). */
    record Crops(RgbImage face128, RgbImage chip150) {
    }

    Crops crop(RgbImage frame, float[] landmarks68);
}
