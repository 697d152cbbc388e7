package io.unveil.research.eval.inpaint;

import io.unveil.research.data.IdentitySplit;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code unveil eval} runs.
 *
 * @param data              a labelled set (labels.csv or folder per identity), or LFW's image root when pairsTxt is set
 * @param setName           the set's name as model cards and IdentitySplit know it (default: the folder name)
 * @param pairsTxt          LFW's pairs.txt, or null to generate pairs
 * @param identities        which identities of the set to keep (IdentitySplit VALIDATION, one of its halves, or all)
 * @param folds             number of folds (10)
 * @param pairsPerFold      pairs per fold, half same and half different (a fold short of them gives what it has)
 * @param seed              seeds pairs, occlusions, gallery/probe split, t-SNE and the bootstrap
 * @param occlusions        occlusion protocols: the first gets the full report (image quality, rank-1, t-SNE,
 *                          samples), every one gets a verification column in the side-by-side table
 * @param occludeBoth       occlude both faces of a pair (else only the second, as the paper occludes the test face)
 * @param probesPerIdentity occluded probes per identity for rank-1 identification (the rest of its faces are the gallery)
 * @param tsneIdentities    identities shown in tsne.png
 * @param sampleRows        rows in samples.png
 * @param out               report folder
 * @param bootstrap         paired bootstrap replicates for the 95% intervals
 * @param bootstrapByPair   resample pairs instead of identities
 * @param structure         measure the structure metric ({@link FaceStructure}) under every occlusion
 * @param gridRows          faces per occlusion type in samples-&lt;occlusion&gt;.png (0 = none)
 */
public record EvalOptions(Path data, String setName, Path pairsTxt, IdentitySplit.Subset identities, int folds, int pairsPerFold,
                          long seed, List<OcclusionProtocol> occlusions, boolean occludeBoth, int probesPerIdentity,
                          int tsneIdentities, int sampleRows, Path out, List<Path> extraModelCards, int bootstrap,
                          boolean bootstrapByPair, boolean structure, int gridRows) {
    public EvalOptions(Path data, String setName, Path pairsTxt, IdentitySplit.Subset identities, int folds, int pairsPerFold,
                       long seed, List<OcclusionProtocol> occlusions, boolean occludeBoth, int probesPerIdentity,
                       int tsneIdentities, int sampleRows, Path out, List<Path> extraModelCards, int bootstrap,
                       boolean bootstrapByPair) {
        this(data, setName, pairsTxt, identities, folds, pairsPerFold, seed, occlusions, occludeBoth, probesPerIdentity,
                tsneIdentities, sampleRows, out, extraModelCards, bootstrap, bootstrapByPair, false, 0);
    }

    public EvalOptions {
        if (gridRows < 0) throw new IllegalArgumentException("grid rows must be >= 0, got " + gridRows);
        occlusions = List.copyOf(occlusions);
        if (occlusions.isEmpty()) throw new IllegalArgumentException("need at least one occlusion protocol");
        if (bootstrap < 1) throw new IllegalArgumentException("need at least 1 bootstrap replicate, got " + bootstrap);
    }

    /** The protocol of the full report (the first one). */
    public OcclusionProtocol occlusion() {
        return occlusions.get(0);
    }
}
