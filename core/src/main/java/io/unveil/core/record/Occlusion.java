package io.unveil.core.record;

/**
 * Estimated occlusion of an aligned 128x128 face: the binary mask as PNG (255 = occluded), overall occluded share of
 * the face, per-region shares from the landmarks, and the routing decision (inpaint or not).
 */
public record Occlusion(byte[] maskPng, float ratio, float eyes, float nose, float mouth, boolean occluded,
                        String model) {
}
