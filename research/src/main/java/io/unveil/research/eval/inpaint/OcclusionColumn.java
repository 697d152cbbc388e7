package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import io.unveil.research.eval.PairedBootstrap;
import java.util.List;

/**
 * One occlusion protocol of the side-by-side table: every method's k-fold accuracy on the evaluation's pairs, and its
 * paired-bootstrap comparison to OCC under this occlusion (GT first, OCC second, as in {@link EvalResult#methods()});
 * {@code quality}: each method's {@link RepairQuality} on the faces this protocol occluded ({@link RepairQuality#NONE}
 * for GT); {@code grid}: rows of GT | each method's repair for a few faces (empty unless asked for).
 */
public record OcclusionColumn(String occlusion, List<String> methods, double[] accuracy, double[] accuracyStd,
                              List<PairedBootstrap.Comparison> vsOcc, int pairsFingerprint, List<RepairQuality> quality,
                              List<List<RgbImage>> grid) {
    public OcclusionColumn(String occlusion, List<String> methods, double[] accuracy, double[] accuracyStd,
                           List<PairedBootstrap.Comparison> vsOcc, int pairsFingerprint) {
        this(occlusion, methods, accuracy, accuracyStd, vsOcc, pairsFingerprint, null, List.of());
    }
}
