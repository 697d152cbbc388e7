package io.unveil.detector.stage;

import io.unveil.core.config.Settings;

/**
 * Settings of the detector stage ({@code detector.*}).
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
                s.decimal("detector.min-score", 0.5),
                s.decimal("detector.min-face-px", 40),
                s.decimal("detector.min-sharpness", 10),
                s.decimal("detector.max-yaw-deg", 50),
                s.decimal("detector.max-pitch-deg", 45),
                s.integer("detector.max-faces", 20),
                s.decimal("detector.track-iou", 0.3),
                s.longValue("detector.track-max-gap-ms", 2000));
        if (c.maxFaces < 1) throw new IllegalArgumentException("detector.max-faces must be >= 1");
        if (c.trackIou <= 0 || c.trackIou > 1) throw new IllegalArgumentException("detector.track-iou must be in (0,1]");
        return c;
    }
}
