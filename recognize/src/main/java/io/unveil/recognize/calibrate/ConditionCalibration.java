package io.unveil.recognize.calibrate;

import java.util.List;

/**
 * The threshold of one probe condition (see {@link CalibrationResult#conditions()}) for the file's target false-accept
 * rate, and what was measured at it: FAR and FRR, the number of genuine and impostor scores, their medians, and how
 * the probes and centroids of this condition were made. {@code curve}: the thresholds of the same scores at lower
 * false-accept rates, down to the lowest the impostor scores support (null in files older than it); a gallery of many
 * identities needs them ({@code recognize.visit-far}, {@link io.unveil.recognize.match.ThresholdSchedule}).
 */
public record ConditionCalibration(float threshold, double far, double frr, int genuinePairs, int impostorPairs,
                                   float genuineMedian, float impostorMedian, String probes, List<FarPoint> curve) {
    /** Without a curve (files and callers from before it). */
    public ConditionCalibration(float threshold, double far, double frr, int genuinePairs, int impostorPairs,
                                float genuineMedian, float impostorMedian, String probes) {
        this(threshold, far, frr, genuinePairs, impostorPairs, genuineMedian, impostorMedian, probes, null);
    }

    /** TAR at the threshold: the share of genuine scores accepted. */
    public double tar() {
        return 1 - frr;
    }

    /** One point of the curve: the target FAR, the threshold for it, and the TAR the genuine scores have there. */
    public record FarPoint(double far, float threshold, double tar) {
    }
}
