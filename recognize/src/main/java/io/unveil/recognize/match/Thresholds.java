package io.unveil.recognize.match;

import io.unveil.recognize.match.ProbeCondition.Condition;

/**
 * Open-set thresholds per probe condition, all calibrated to the same target false-accept rate (see
 * {@code CalibrationResult}): a probe against the plain centroids ({@code plain}, {@code occluded}, {@code repaired}),
 * and an occluded or repaired probe against the occlusion-matched centroid of its region ({@code occludedMatched},
 * {@code repairedMatched}; NaN = not calibrated, and then that comparison is not made).
 */
public record Thresholds(float plain, float occluded, float repaired, float occludedMatched, float repairedMatched) {
    public Thresholds {
        for (float t : new float[]{plain, occluded, repaired})
            if (!(t > -1f && t < 1f)) throw new IllegalArgumentException("threshold must be in (-1,1): " + t);
        for (float t : new float[]{occludedMatched, repairedMatched})
            if (!Float.isNaN(t) && !(t > -1f && t < 1f)) throw new IllegalArgumentException("threshold must be in (-1,1) or NaN: " + t);
    }

    /** One threshold for every condition and no occlusion-matched comparison (an explicit {@code recognize.threshold}). */
    public static Thresholds uniform(float t) {
        return new Thresholds(t, t, t, Float.NaN, Float.NaN);
    }

    /** Threshold of a probe in condition {@code c} against a plain centroid. */
    public float plainCentroid(Condition c) {
        return switch (c) {
            case PLAIN -> plain;
            case OCCLUDED -> occluded;
            case REPAIRED -> repaired;
        };
    }

    /** Threshold of a probe in condition {@code c} against its region's occluded centroid; NaN for plain probes or when uncalibrated. */
    public float matchedCentroid(Condition c) {
        return switch (c) {
            case PLAIN -> Float.NaN;
            case OCCLUDED -> occludedMatched;
            case REPAIRED -> repairedMatched;
        };
    }
}
