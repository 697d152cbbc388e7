package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import java.util.List;

/**
 * Everything a report shows. {@code samples.get(row).get(col)}: col 0.. = methods in order (GT first). {@code folds}:
 * the folds the pairs were scored in (LFW's pairs.txt brings its own 10); {@code sameAvailable}/{@code differentAvailable}:
 * the distinct pairs the set allows within those folds (-1 for LFW's fixed pairs); {@code pairsFingerprint}: hash of
 * the pair list, which every method's and occlusion's row must carry too; {@code bootstrapUnit}: "identity" or "pair".
 */
public record EvalResult(EvalOptions options, String faceLoader, String recognizer, int identities, int faces,
                         List<LoadedFaces.Failure> failures, int imagesTried, int pairs, int samePairs, int differentPairs,
                         int folds, long sameAvailable, long differentAvailable, int pairsFingerprint,
                         boolean identityDisjoint, int droppedPairs, int probes, int galleryIdentities, List<String> guardNotes,
                         List<MethodResult> methods, List<OcclusionColumn> occlusions, String bootstrapUnit, int bootstrapUnits,
                         List<List<RgbImage>> samples, double wallSeconds) {
}
