package io.unveil.research.eval;

/**
 * Share of the accuracy that occlusion costs which a repair method wins back:
 * {@code (acc_method - acc_occ) / (acc_gt - acc_occ)}. 1 = all of it, 0 = none, negative = worse than not repairing.
 * NaN when occlusion cost nothing (acc_gt <= acc_occ): there is no drop to recover.
 */
public final class RecoveredShare {
    private RecoveredShare() {
    }

    public static double of(double accMethod, double accOccluded, double accGroundTruth) {
        double drop = accGroundTruth - accOccluded;
        if (!(drop > 0)) return Double.NaN;
        return (accMethod - accOccluded) / drop;
    }
}
