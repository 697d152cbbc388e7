package io.unveil.gallery.enroll;

import io.unveil.core.config.Settings;

/**
 * Quality gate and robust-mean parameters of enrollment.
 *
 * @param minFacePx       shorter side of the face box below which an image is "tiny"
 * @param minSharpness    variance of the Laplacian of the grey recognizer chip below which it is "blurry"
 * @param maxYawDeg       estimated head yaw beyond which the face is "profile"
 * @param severalFaces    a second face at least this share of the largest face's area makes the image ambiguous
 * @param outlierCos      images whose descriptor is less cosine-similar than this to the centroid are dropped
 * @param trimFraction    share of the least similar images dropped when at least 4 remain (trimmed mean)
 * @param maxImages       most images accepted in one request
 */
public record EnrollmentPolicy(float minFacePx, float minSharpness, float maxYawDeg, float severalFaces,
                               float outlierCos, float trimFraction, int maxImages) {
    public static EnrollmentPolicy defaults() {
        return new EnrollmentPolicy(40f, 20f, 45f, 0.5f, 0.75f, 0.2f, 20);
    }

    public static EnrollmentPolicy from(Settings s) {
        EnrollmentPolicy d = defaults();
        return new EnrollmentPolicy((float) s.decimal("gallery.min-face-px", d.minFacePx()),
                (float) s.decimal("gallery.min-sharpness", d.minSharpness()),
                (float) s.decimal("gallery.max-yaw-deg", d.maxYawDeg()),
                (float) s.decimal("gallery.several-faces-ratio", d.severalFaces()),
                (float) s.decimal("gallery.outlier-cos", d.outlierCos()),
                (float) s.decimal("gallery.trim-fraction", d.trimFraction()),
                s.integer("gallery.max-images", d.maxImages()));
    }
}
