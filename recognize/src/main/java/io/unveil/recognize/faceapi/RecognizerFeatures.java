package io.unveil.recognize.faceapi;

import ai.djl.ndarray.NDArray;

/**
 * The frozen recognizer's features of a batch, for ID-GAN's recognition loss L_R: {@code low} = R_l, the feature map
 * after the conv32 residual stage {@code (N,32,35,35)}; {@code high} = R_h, the 128-D descriptor {@code (N,128)}. Both
 * are attached to the input's manager and, inside a GradientCollector, carry gradients back to the input.
 */
public record RecognizerFeatures(NDArray low, NDArray high) {
}
