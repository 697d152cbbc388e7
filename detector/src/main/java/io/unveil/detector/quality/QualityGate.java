package io.unveil.detector.quality;

import io.unveil.core.record.Quality;
import io.unveil.detector.stage.DetectorConfig;

/** Decides whether a face is good enough to recognize, and why not. */
public final class QualityGate {
    /** Reasons a face is rejected; also the {@code reason} tag of {@code unveil_detector_rejected_total}. */
    public enum Reject { SMALL, BLURRY, POSE }

    private final DetectorConfig config;

    public QualityGate(DetectorConfig config) {
        this.config = config;
    }

    /** The first failed check, or null when the face passes. */
    public Reject check(Quality q) {
        if (q.sizePx() < config.minFacePx()) return Reject.SMALL;
        if (!(Math.abs(q.yawDeg()) <= config.maxYawDeg()) || !(Math.abs(q.pitchDeg()) <= config.maxPitchDeg())) return Reject.POSE;
        if (q.sharpness() < config.minSharpness()) return Reject.BLURRY;
        return null;
    }

    /** Overall score in [0,1]: size (saturating at 112 px), sharpness (log scale) and frontalness, weighted. */
    public static float score(float sizePx, double sharpness, double yaw, double pitch) {
        double s = clamp((sizePx - 24) / (112.0 - 24));
        double sh = clamp(Math.log1p(Math.max(0, sharpness)) / Math.log1p(400));
        double p = Double.isNaN(yaw) || Double.isNaN(pitch) ? 0
                : Math.max(0, Math.cos(Math.toRadians(yaw))) * Math.max(0, Math.cos(Math.toRadians(pitch)));
        return (float) (0.35 * s + 0.35 * sh + 0.3 * p);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
