package io.unveil.research.eval.inpaint;

import io.unveil.research.eval.PairedBootstrap;
import io.unveil.research.eval.RocCurve;
import java.util.List;

/**
 * One method's row. Image metrics are means over the repaired faces (NaN for GT, where they are trivial);
 * recovered shares are NaN for GT and OCC. {@code vsOcc}: pooled accuracy, difference to OCC and recovered share with
 * their paired-bootstrap 95% intervals, {@code vsOccOtherUnit} the same resampling the other unit (pairs when the
 * evaluation resamples identities, and the reverse), to show what the choice of unit does; {@code pairsFingerprint}: hash of the exact pair list the method was scored on.
 */
public record MethodResult(String name, String source, double accuracy, double accuracyStd, double[] foldAccuracy,
                           double tarAtFar1e2, double tarAtFar1e3, double auc, RocCurve roc,
                           double psnr, double ssim, double psnrHole, double ssimHole,
                           double rank1, double recoveredShare, double recoveredShareRank1, double repairMsPerFace,
                           double[][] tsne, List<String> tsneLabels, PairedBootstrap.Comparison vsOcc,
                           PairedBootstrap.Comparison vsOccOtherUnit, int pairsFingerprint) {
    public MethodResult withRecovered(double share, double shareRank1, PairedBootstrap.Comparison comparison,
                                      PairedBootstrap.Comparison otherUnit) {
        return new MethodResult(name, source, accuracy, accuracyStd, foldAccuracy, tarAtFar1e2, tarAtFar1e3, auc, roc, psnr, ssim,
                psnrHole, ssimHole, rank1, share, shareRank1, repairMsPerFace, tsne, tsneLabels, comparison, otherUnit, pairsFingerprint);
    }
}
