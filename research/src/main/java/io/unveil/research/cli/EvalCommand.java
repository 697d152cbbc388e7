package io.unveil.research.cli;

import io.unveil.research.data.IdentitySplit;
import io.unveil.research.eval.inpaint.EvalOptions;
import io.unveil.research.eval.inpaint.EvalResult;
import io.unveil.research.eval.inpaint.Evaluation;
import io.unveil.research.eval.inpaint.IdentityGuard;
import io.unveil.research.eval.inpaint.LibraryOcclusion;
import io.unveil.research.eval.inpaint.OcclusionColumn;
import io.unveil.research.eval.inpaint.OcclusionProtocol;
import io.unveil.research.train.idgan.Recognizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unveil eval}: the paper's evaluation on the user's data. GT, OCC and repair methods side by side on LFW-style
 * pairs with synthetic occlusion, with paired-bootstrap intervals against OCC, under several occlusion types; writes
 * report.md, results.json and PNG charts to the report folder.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate inpainting methods for occluded face recognition (k-fold verification with paired-bootstrap "
                + "95%% intervals against OCC, occlusion types side by side, TAR@FAR, ROC, rank-1, PSNR/SSIM, t-SNE); writes a "
                + "report folder. `eval idgan`: the generator's own validation.",
        subcommands = {EvalIdGanCommand.class, EvalOcclusionCommand.class, EvalDetectionCommand.class, EvalStructureCommand.class})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Labelled set (labels.csv or a folder per identity), or LFW's image folder with --pairs-txt. Default: ../shared/data/celeba-subset.")
    Path data;

    @Option(names = "--name", description = "Set name as model cards and the identity split know it (default: the folder name).")
    String name;

    @Option(names = "--pairs-txt", paramLabel = "FILE", description = "LFW's pairs.txt (View 2) instead of generated pairs.")
    Path pairsTxt;

    @Option(names = "--identities", defaultValue = "auto", description = "validation (IdentitySplit VALIDATION identities only), "
            + "validation-choose / validation-confirm (one fixed half of them: choose models on one, confirm on the other), all, "
            + "or auto (validation for celeba-subset, else all). Default: ${DEFAULT-VALUE}.")
    String identities;

    @Option(names = "--pairs", defaultValue = "10000", description = "Pairs to generate, half same, half different; a fold "
            + "short of same-identity pairs gives all it has and as many different ones (default: ${DEFAULT-VALUE}; at 1,000 "
            + "pairs the noise was larger than the differences between methods).")
    int pairs;

    @Option(names = "--folds", defaultValue = "10", description = "Folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of pairs, occlusions and splits (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--occlusion", split = ",", defaultValue = "block-random-48,medical-mask,cloth-mask,sunglasses,hand",
            description = "Occlusion protocols, comma-separated: block-random-48 (the paper's), block-center-48, realistic, or an "
                    + "occluder type such as medical-mask, cloth-mask, sunglasses, hand. The first gets the full report, all are "
                    + "compared side by side on the same pairs (default: ${DEFAULT-VALUE}).")
    List<String> occlusion = new ArrayList<>();

    @Option(names = "--occlude", defaultValue = "one", description = "one (the second face of each pair, as the paper occludes the test face) or both (default: ${DEFAULT-VALUE}).")
    String occlude;

    @Option(names = "--methods", split = ",", defaultValue = "telea,prior-idgan", description = "Methods besides GT and OCC: telea, ns, "
            + "prior-idgan (the generator the inpaint stage serves by default), idgan (the committed generator it was trained on from), pca-prior (the committed PCA face prior alone), white (the hole filled white), or NAME=MODEL_FILE (repeatable; default: ${DEFAULT-VALUE}).")
    List<String> methods = new ArrayList<>();

    @Option(names = "--model-card", paramLabel = "FILE", description = "Another model card whose training identities must be disjoint from the evaluated ones (repeatable).")
    List<Path> modelCards = new ArrayList<>();

    @Option(names = "--aligned", description = "The images are already aligned face chips: skip detection.")
    boolean aligned;

    @Option(names = "--probes", defaultValue = "5", description = "Occluded probes per identity for rank-1 identification (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--tsne-identities", defaultValue = "6", description = "Identities in tsne.png (default: ${DEFAULT-VALUE}).")
    int tsneIdentities;

    @Option(names = "--samples", defaultValue = "6", description = "Rows in samples.png (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--bootstrap", defaultValue = "2000", description = "Paired bootstrap replicates for the 95%% intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--bootstrap-unit", defaultValue = "identity", description = "identity (resample people, keeping each "
            + "person's pairs together: pairs share faces and people, so they are not independent) or pair (default: ${DEFAULT-VALUE}).")
    String bootstrapUnit;

    @Option(names = "--recognizer", defaultValue = "faceapi", description = "Recognizer that scores the pairs: "
            + Recognizers.NAMES + " (default: ${DEFAULT-VALUE}).")
    String recognizer;

    @Option(names = "--also-recognizer", split = ",", description = "Score every row again with these recognizers (same "
            + "pairs, holes and repairs; differences against --recognizer's OCC row): " + Recognizers.NAMES + ".")
    List<String> alsoRecognizers = new ArrayList<>();

    @Option(names = "--structure", description = "Also measure the structure metric under every occlusion type: face-api's 68 "
            + "landmarks on the repaired face vs the clean one, jaw/nose/mouth points inside the hole, in inter-ocular distances; "
            + "with PSNR/SSIM per occlusion type (loads the landmark net; ~1 min more per method).")
    boolean structure;

    @Option(names = "--grids", defaultValue = "0", description = "Faces per occlusion type in samples-<occlusion>.png (GT | OCC | "
            + "each method), one per identity first (default: ${DEFAULT-VALUE} = none).")
    int grids;

    @Option(names = "--out", defaultValue = "eval-report", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--threads", description = "PyTorch intra-op threads for detection and recognition (default: half the cores, at least 1; "
            + "more threads than free cores slows a shared machine down ~10x).")
    Integer threads;

    @Override
    public Integer call() {
        Path set = EvalSets.set(data);
        if (set == null) return 2;
        EvalSets.threads(threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        String setName = name != null ? name : set.toAbsolutePath().normalize().getFileName().toString();
        IdentitySplit.Subset subset = EvalSets.subset(identities, setName);
        boolean byPair = switch (bootstrapUnit.toLowerCase(Locale.ROOT)) {
            case "identity" -> false;
            case "pair" -> true;
            default -> throw new IllegalArgumentException("--bootstrap-unit must be identity or pair");
        };
        List<OcclusionProtocol> protocols = new ArrayList<>();
        for (String p : occlusion) protocols.add(LibraryOcclusion.parse(p));
        boolean both = switch (occlude.toLowerCase(Locale.ROOT)) {
            case "one" -> false;
            case "both" -> true;
            default -> throw new IllegalArgumentException("--occlude must be one or both");
        };
        EvalOptions o = new EvalOptions(set, setName, pairsTxt, subset, folds, Math.max(2, pairs / folds), seed,
                protocols, both, probes, tsneIdentities, samples, out, modelCards, bootstrap, byPair, structure, grids);
        EvalResult r;
        try {
            r = Evaluation.run(new Evaluation.Request(o, methods, modelCards, aligned, !noProgress, recognizer, alsoRecognizers));
        } catch (IdentityGuard.Refused e) {
            System.err.println("refused: " + e.getMessage());
            return 3;
        }
        System.out.printf(Locale.ROOT, "%s (%s): %d pairs (%d same) of %d identities in %d folds, %d detection failures of %d images; "
                        + "intervals: paired bootstrap over %d %s, %d replicates%n", setName, subset.describe(), r.pairs(), r.samePairs(),
                r.identities(), r.folds(), r.failures().size(), r.imagesTried(), r.bootstrapUnits(),
                byPair ? "pairs" : "identities", bootstrap);
        System.out.printf(Locale.ROOT, "%-16s %-10s %-17s %-28s %-20s%n", "occlusion", "method", "accuracy", "Δ vs OCC, points [95% CI]",
                "recovered [95% CI]");
        for (OcclusionColumn c : r.occlusions())
            for (int k = 0; k < c.methods().size(); k++)
                System.out.printf(Locale.ROOT, "%-16s %-10s %.4f ± %.4f  %-28s %-20s%n", k == 0 ? c.occlusion() : "", c.methods().get(k),
                        c.accuracy()[k], c.accuracyStd()[k], k == 1 ? "-" : c.vsOcc().get(k).difference().points(),
                        c.vsOcc().get(k).recoveredShare().percent());
        System.out.println("report: " + out.toAbsolutePath().resolve("report.md"));
        return 0;
    }
}
