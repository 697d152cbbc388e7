package io.unveil.research.eval;

import io.unveil.core.image.RgbImage;
import java.util.Optional;

/** Turns a photo into the recognizer chip of its main face (detect, pick, align), or empty when no face is found. */
@FunctionalInterface
public interface FaceChipper {
    Optional<RgbImage> chip(RgbImage photo);
}
