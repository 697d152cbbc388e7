package io.unveil.recognize.calibrate;

/**
 * The threshold of one probe condition (see {@link CalibrationResult#conditions()}) for the file's target false-accept
 * rate, and what was measured at it: FAR and FRR, the number of genuine and impostor scores, their medians, and how
 * the probes and centroids of this condition were made.
 */
public record ConditionCalibration(float threshold, double far, double frr, int genuinePairs, int impostorPairs,
                                   float genuineMedian, float impostorMedian, String probes) {
    /** TAR at the threshold: the share of genuine scores accepted. */
    public double tar() {
        return 1 - frr;
    }
}
