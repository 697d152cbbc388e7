package io.unveil.gallery.enroll;

import io.unveil.core.config.Settings;
import io.unveil.gallery.stage.GallerySettings;

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
        return from(Settings.empty());
    }

    public static EnrollmentPolicy from(Settings s) {
        return new EnrollmentPolicy(s.get(GallerySettings.MIN_FACE_PX).floatValue(), s.get(GallerySettings.MIN_SHARPNESS).floatValue(),
                s.get(GallerySettings.MAX_YAW_DEG).floatValue(), s.get(GallerySettings.SEVERAL_FACES_RATIO).floatValue(),
                s.get(GallerySettings.OUTLIER_COS).floatValue(), s.get(GallerySettings.TRIM_FRACTION).floatValue(),
                s.get(GallerySettings.MAX_IMAGES));
    }
}
