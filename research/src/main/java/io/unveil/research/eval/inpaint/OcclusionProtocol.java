package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;

/** How test faces are occluded: deterministic for a given seed, so every method sees the same holes. */
public interface OcclusionProtocol {
    /** Short name for reports, e.g. {@code block-random-48}. */
    String name();

    /**
     * @param face128       aligned FACE_128 image
     * @param landmarks128  its 68 aligned landmarks (x,y pairs), or null when unknown
     * @param seed          per-face seed
     */
    Occluded apply(RgbImage face128, float[] landmarks128, long seed);

    /** True when the protocol needs landmarks (realistic occluders placed on the face parts). */
    default boolean needsLandmarks() {
        return false;
    }
}
