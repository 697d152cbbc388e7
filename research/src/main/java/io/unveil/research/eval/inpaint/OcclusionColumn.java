package io.unveil.research.eval.inpaint;

import io.unveil.research.eval.PairedBootstrap;
import java.util.List;

/**
 * One occlusion protocol of the side-by-side table: every method's k-fold accuracy on the evaluation's pairs, and its
 * paired-bootstrap comparison to OCC under this occlusion (GT first, OCC second, as in {@link EvalResult#methods()}).
 */
public record OcclusionColumn(String occlusion, List<String> methods, double[] accuracy, double[] accuracyStd,
                              List<PairedBootstrap.Comparison> vsOcc, int pairsFingerprint) {
}
