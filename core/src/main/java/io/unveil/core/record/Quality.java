package io.unveil.core.record;

/**
 * Quality of one face crop: size in pixels (shorter box side), sharpness (variance of the Laplacian of the aligned
 * face), head pose estimated from landmarks in degrees, and an overall score in [0,1] used to weight fusion.
 */
public record Quality(float sizePx, float sharpness, float yawDeg, float pitchDeg, float rollDeg, float score) {
}
