package io.unveil.research.eval.inpaint;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code unveil eval} runs.
 *
 * @param data              a labelled set (labels.csv or folder per identity), or LFW's image root when pairsTxt is set
 * @param setName           the set's name as model cards and IdentitySplit know it (default: the folder name)
 * @param pairsTxt          LFW's pairs.txt, or null to generate pairs
 * @param validationOnly    keep only IdentitySplit VALIDATION identities of the set
 * @param folds             number of folds (10)
 * @param pairsPerFold      pairs per fold, half same and half different
 * @param seed              seeds pairs, occlusions, gallery/probe split and t-SNE
 * @param occlusion         occlusion protocol
 * @param occludeBoth       occlude both faces of a pair (else only the second, as the paper occludes the test face)
 * @param probesPerIdentity occluded probes per identity for rank-1 identification (the rest of its faces are the gallery)
 * @param tsneIdentities    identities shown in tsne.png
 * @param sampleRows        rows in samples.png
 * @param out               report folder
 */
public record EvalOptions(Path data, String setName, Path pairsTxt, boolean validationOnly, int folds, int pairsPerFold,
                          long seed, OcclusionProtocol occlusion, boolean occludeBoth, int probesPerIdentity,
                          int tsneIdentities, int sampleRows, Path out, List<Path> extraModelCards) {
}
