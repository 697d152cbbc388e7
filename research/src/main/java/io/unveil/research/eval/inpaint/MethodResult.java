package io.unveil.research.eval.inpaint;

import io.unveil.research.eval.RocCurve;
import java.util.List;

/**
 * One method's row. Image metrics are means over the repaired faces (NaN for GT, where they are trivial);
 * recovered shares are NaN for GT and OCC.
 */
public record MethodResult(String name, String source, double accuracy, double accuracyStd, double[] foldAccuracy,
                           double tarAtFar1e2, double tarAtFar1e3, double auc, RocCurve roc,
                           double psnr, double ssim, double psnrHole, double ssimHole,
                           double rank1, double recoveredShare, double recoveredShareRank1, double repairMsPerFace,
                           double[][] tsne, List<String> tsneLabels) {
    public MethodResult withRecovered(double share, double shareRank1) {
        return new MethodResult(name, source, accuracy, accuracyStd, foldAccuracy, tarAtFar1e2, tarAtFar1e3, auc, roc, psnr, ssim,
                psnrHole, ssimHole, rank1, share, shareRank1, repairMsPerFace, tsne, tsneLabels);
    }
}
