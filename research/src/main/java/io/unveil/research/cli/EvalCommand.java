package io.unveil.research.cli;

import io.unveil.research.data.SharedData;
import io.unveil.research.eval.inpaint.EvalOptions;
import io.unveil.research.eval.inpaint.EvalResult;
import io.unveil.research.eval.inpaint.Evaluation;
import io.unveil.research.eval.inpaint.IdentityGuard;
import io.unveil.research.eval.inpaint.LibraryOcclusion;
import io.unveil.research.eval.inpaint.MethodResult;
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
 * pairs with synthetic occlusion; writes report.md, results.json and PNG charts to the report folder.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate inpainting methods for occluded face recognition (verification over 10 folds, TAR@FAR, ROC, "
                + "rank-1, PSNR/SSIM, t-SNE); writes a report folder. `eval idgan`: the generator's own validation.",
        subcommands = {EvalIdGanCommand.class, EvalOcclusionCommand.class})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Labelled set (labels.csv or a folder per identity), or LFW's image folder with --pairs-txt. Default: ../shared/data/celeba-subset.")
    Path data;

    @Option(names = "--name", description = "Set name as model cards and the identity split know it (default: the folder name).")
    String name;

    @Option(names = "--pairs-txt", paramLabel = "FILE", description = "LFW's pairs.txt (View 2) instead of generated pairs.")
    Path pairsTxt;

    @Option(names = "--identities", defaultValue = "auto", description = "validation (IdentitySplit VALIDATION identities only), all, or auto (validation for celeba-subset, else all). Default: ${DEFAULT-VALUE}.")
    String identities;

    @Option(names = "--pairs", defaultValue = "1000", description = "Pairs to generate, half same, half different (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--folds", defaultValue = "10", description = "Folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of pairs, occlusions and splits (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--occlusion", defaultValue = "block-random-48", description = "block-random-48 (the paper's), block-center-48, realistic, or one occluder type such as medical-mask, sunglasses (default: ${DEFAULT-VALUE}).")
    String occlusion;

    @Option(names = "--occlude", defaultValue = "one", description = "one (the second face of each pair, as the paper occludes the test face) or both (default: ${DEFAULT-VALUE}).")
    String occlude;

    @Option(names = "--methods", split = ",", defaultValue = "telea,ns", description = "Methods besides GT and OCC: telea, ns, or NAME=MODEL_FILE (repeatable; default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--out", defaultValue = "eval-report", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--threads", description = "PyTorch intra-op threads for detection and recognition (default: half the cores, at least 1; "
            + "more threads than free cores slows a shared machine down ~10x).")
    Integer threads;

    @Override
    public Integer call() {
        Path set = data != null ? data : SharedData.set("celeba-subset").orElse(null);
        if (set == null || !Files.isDirectory(set)) {
            System.err.println("no data: pass --data DIR (../shared/data/celeba-subset not found)");
            return 2;
        }
        int t = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(t));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        String setName = name != null ? name : set.toAbsolutePath().normalize().getFileName().toString();
        boolean validation = LabeledSetOptions.validationOnly(identities, setName);
        boolean both = switch (occlude.toLowerCase(Locale.ROOT)) {
            case "one" -> false;
            case "both" -> true;
            default -> throw new IllegalArgumentException("--occlude must be one or both");
        };
        EvalOptions o = new EvalOptions(set, setName, pairsTxt, validation, folds, Math.max(2, pairs / folds), seed,
                LibraryOcclusion.parse(occlusion), both, probes, tsneIdentities, samples, out, modelCards);
        EvalResult r;
        try {
            r = Evaluation.run(new Evaluation.Request(o, methods, modelCards, aligned, !noProgress));
        } catch (IdentityGuard.Refused e) {
            System.err.println("refused: " + e.getMessage());
            return 3;
        }
        System.out.printf(Locale.ROOT, "%s, %s: %d pairs of %d identities, %d detection failures of %d images%n", setName,
                o.occlusion().name(), r.pairs(), r.identities(), r.failures().size(), r.imagesTried());
        System.out.printf(Locale.ROOT, "%-10s %-17s %-9s %-7s %-7s %-9s%n", "method", "accuracy", "TAR@1e-3", "PSNR", "SSIM", "recovered");
        for (MethodResult m : r.methods())
            System.out.printf(Locale.ROOT, "%-10s %.4f ± %.4f  %-9.4f %-7s %-7s %-9s%n", m.name(), m.accuracy(), m.accuracyStd(), m.tarAtFar1e3(),
                    Double.isNaN(m.psnr()) ? "-" : String.format(Locale.ROOT, "%.2f", m.psnr()),
                    Double.isNaN(m.ssim()) ? "-" : String.format(Locale.ROOT, "%.4f", m.ssim()),
                    Double.isNaN(m.recoveredShare()) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * m.recoveredShare()));
        System.out.println("report: " + out.toAbsolutePath().resolve("report.md"));
        return 0;
    }
}
