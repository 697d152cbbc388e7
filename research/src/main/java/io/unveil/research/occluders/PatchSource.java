package io.unveil.research.occluders;

import io.unveil.core.image.RgbImage;
import java.util.SplittableRandom;

/**
 * Supplies image patches cut from non-face parts of other photos, used to fill {@link OccluderType#RANDOM_OBJECT}.
 * Implementations must be deterministic given the random source.
 */
@FunctionalInterface
public interface PatchSource {
    /** A patch (any size), or null when none is available (the occluder then falls back to a procedural texture). */
    RgbImage patch(SplittableRandom rng);

    PatchSource NONE = rng -> null;
}
