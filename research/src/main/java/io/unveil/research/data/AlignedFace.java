package io.unveil.research.data;

import io.unveil.core.image.RgbImage;

/** One aligned training/validation face: FACE_128 image, its 68 aligned landmarks, identity and source file. */
public record AlignedFace(RgbImage face, float[] landmarks, String identity, String source) {
}
