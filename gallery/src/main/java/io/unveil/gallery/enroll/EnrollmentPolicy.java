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

    /** The outlier bound for a recognizer whose descriptors are centred, as loose as 0.75 is for robust-v3's raw ones. */
    public static final float CENTRED_OUTLIER_COS = -0.5f;

    public static EnrollmentPolicy from(Settings s) {
        return from(s, false);
    }

    /**
     * @param centredRecognizer the recognizer's descriptors are centred ({@code Embedder.centred()}): an unset
     *                          {@code gallery.outlier-cos} then means {@link #CENTRED_OUTLIER_COS}, not 0.75, which would
     *                          refuse a person's own photos
     */
    public static EnrollmentPolicy from(Settings s, boolean centredRecognizer) {
        float outlier = centredRecognizer && !s.isSet(GallerySettings.OUTLIER_COS) ? CENTRED_OUTLIER_COS
                : s.get(GallerySettings.OUTLIER_COS).floatValue();
        return new EnrollmentPolicy(s.get(GallerySettings.MIN_FACE_PX).floatValue(), s.get(GallerySettings.MIN_SHARPNESS).floatValue(),
                s.get(GallerySettings.MAX_YAW_DEG).floatValue(), s.get(GallerySettings.SEVERAL_FACES_RATIO).floatValue(),
                outlier, s.get(GallerySettings.TRIM_FRACTION).floatValue(), s.get(GallerySettings.MAX_IMAGES));
    }
}
