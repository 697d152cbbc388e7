package io.unveil.research.cli;

import io.unveil.core.config.UnveilHome;
import io.unveil.research.train.occlusion.OcclusionTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil train occlusion}: trains the per-pixel occlusion estimator on synthetic occluders. */
@Command(name = "occlusion", mixinStandardHelpOptions = true,
        description = "Train the occlusion U-Net on aligned faces of TRAIN identities with synthetic occluders "
                + "(BCE + Dice), measuring IoU per occluder type on VALIDATION identities. Checkpoints every "
                + "--checkpoint-every steps and resumes from them; writes prediction grids and metrics.json.")
public final class TrainOcclusionCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Labelled face set (e.g. ../shared/data/celeba-subset).")
    Path data;

    @Option(names = "--out", description = "Output folder (default: ${sys:unveil.help.home}/train/occlusion).")
    Path out;

    @Option(names = "--steps", defaultValue = "2000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate, cosine-decayed (default ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--seed", defaultValue = "7", description = "Data seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-every", defaultValue = "250", description = "Validation + grid every N steps (default ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Checkpoint every N steps (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--eval-faces", defaultValue = "48", description = "Validation faces for periodic evaluation (default ${DEFAULT-VALUE}).")
    int evalFaces;

    @Option(names = "--per-identity", defaultValue = "4", description = "At most N photos per identity, 0 = all (default ${DEFAULT-VALUE}).")
    int perIdentity;

    @Option(names = "--detector-size", defaultValue = "224", description = "Detector input size when the aligned subset must be built (default ${DEFAULT-VALUE}).")
    int detectorSize;

    @Option(names = "--no-resume", description = "Start from scratch even if a checkpoint exists.")
    boolean noResume;

    @Option(names = "--init-from", description = "Start from these weights (e.g. the committed model) instead of random ones.")
    Path initFrom;

    @Override
    public Integer call() throws Exception {
        Path o = out != null ? out : UnveilHome.dir().resolve("train").resolve("occlusion");
        var options = new OcclusionTrainer.Options(o, steps, batch, lr, seed, evalEvery, checkpointEvery, evalFaces,
                !noResume, 1f, initFrom);
        var r = OcclusionTrainer.train(data, perIdentity, detectorSize, options, System.out);
        System.out.printf("done: %d steps (%d skipped for NaN/Inf), %.0f s; weights %s%n", r.steps(), r.skippedSteps(),
                r.wallSeconds(), r.weights());
        return 0;
    }
}
