package io.unveil.detector.stage;

import io.unveil.core.config.Settings;

/**
 * Settings of the detector stage ({@code detector.*}, declared in {@link DetectorSettings}).
 *
 * @param minScore       detections below this detector score are ignored
 * @param minFacePx      quality gate: shorter side of the face box in frame pixels
 * @param minSharpness   quality gate: variance of the Laplacian of the aligned 128x128 grey face
 * @param maxYawDeg      quality gate: |yaw| from the landmarks
 * @param maxPitchDeg    quality gate: |pitch| from the landmarks
 * @param maxFaces       at most this many faces (largest first) per frame
 * @param trackIou       a detection continues a track when its IoU with the track's predicted box reaches this
 * @param trackMaxGapMs  a track not seen for this long (capture time) ends
 */
public record DetectorConfig(double minScore, double minFacePx, double minSharpness, double maxYawDeg,
                             double maxPitchDeg, int maxFaces, double trackIou, long trackMaxGapMs) {

    public static DetectorConfig defaults() {
        return from(Settings.empty());
    }

    public static DetectorConfig from(Settings s) {
        DetectorConfig c = new DetectorConfig(
                s.get(DetectorSettings.MIN_SCORE),
                s.get(DetectorSettings.MIN_FACE_PX),
                s.get(DetectorSettings.MIN_SHARPNESS),
                s.get(DetectorSettings.MAX_YAW_DEG),
                s.get(DetectorSettings.MAX_PITCH_DEG),
                s.get(DetectorSettings.MAX_FACES),
                s.get(DetectorSettings.TRACK_IOU),
                s.get(DetectorSettings.TRACK_MAX_GAP_MS));
        if (c.maxFaces < 1) throw new IllegalArgumentException("detector.max-faces must be >= 1");
        if (c.trackIou <= 0 || c.trackIou > 1) throw new IllegalArgumentException("detector.track-iou must be in (0,1]");
        return c;
    }
}
