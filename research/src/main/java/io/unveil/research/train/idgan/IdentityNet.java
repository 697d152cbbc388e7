package io.unveil.research.train.idgan;

import ai.djl.ndarray.NDArray;

/**
 * The frozen recognizer R as ID-GAN's third player: differentiable with respect to its input, never updated.
 * Input: aligned FACE_128 faces [N,3,128,128] in [0,1] (the FACE_128 geometry is the recognizer chip's, scaled).
 */
public interface IdentityNet extends AutoCloseable {
    /** R_l (an early feature map) and R_h (the 128-D identity feature) of one batch. */
    record Features(NDArray low, NDArray high) {
    }

    Features features(NDArray faces);

    String name();

    @Override
    default void close() {
    }
}
