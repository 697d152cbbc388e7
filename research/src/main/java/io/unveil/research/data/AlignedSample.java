package io.unveil.research.data;

import java.nio.file.Path;

/**
 * One aligned training face: identity, the source photo, the cached FACE_128 PNG (128x128 RGB, {@link
 * io.unveil.detector.align.AlignTarget#FACE_128} geometry), its 68 landmarks in the aligned image (136 floats) and
 * the detector score of the face that was chosen (the largest in the photo).
 */
public record AlignedSample(String identity, Path sourceFile, Path png, float[] landmarks128, float score) {
}
