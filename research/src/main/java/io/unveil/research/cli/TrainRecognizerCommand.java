package io.unveil.research.cli;

import io.unveil.core.config.UnveilHome;
import io.unveil.research.train.recognizer.RecognizerTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil train recognizer}: the occlusion-robust recognizer by self-distillation from face-api's. */
@Command(name = "recognizer", mixinStandardHelpOptions = true,
        description = "Fine-tune face-api's recognizer so that a face with an occluder (masks, sunglasses, hands, "
                + "scarves, blocks) gets the descriptor face-api gives the same face clean, while clean faces keep "
                + "theirs. TRAIN identities only; validation on the VALIDATION choose half every --eval-every steps; "
                + "checkpoints and resumes; writes loss.csv, validation.csv and delta-<step>.bin (what "
                + "recognize.model=robust bundles).")
public final class TrainRecognizerCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Output folder (default: ${sys:unveil.help.home}/train/recognizer).")
    Path out;

    @Option(names = "--data", split = ",", defaultValue = "celeba-subset",
            description = "Shared data sets whose TRAIN identities train it, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> datasets;

    @Option(names = "--steps", defaultValue = "3000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "24", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "5e-5", description = "Adam learning rate, cosine-decayed to a tenth (default ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--seed", defaultValue = "11", description = "Data seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clean-share", defaultValue = "0.25", description = "Share of clean faces per batch (default ${DEFAULT-VALUE}).")
    float cleanShare;

    @Option(names = "--clean-weight", defaultValue = "1", description = "Weight of the clean-face term (default ${DEFAULT-VALUE}).")
    float cleanWeight;

    @Option(names = "--train-from", defaultValue = "conv64_down",
            description = "First block that trains; those before stay face-api's (default ${DEFAULT-VALUE}).")
    String trainFrom;

    @Option(names = "--eval-every", defaultValue = "250", description = "Validation + delta file every N steps (default ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--checkpoint-every", defaultValue = "50", description = "Checkpoint every N steps (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--eval-faces", defaultValue = "360", description = "Validation faces (default ${DEFAULT-VALUE}).")
    int evalFaces;

    @Option(names = "--no-resume", description = "Start from face-api's weights even if a checkpoint exists.")
    boolean noResume;

    @Option(names = "--init", paramLabel = "robust|FILE",
            description = "Start from face-api plus this delta (the bundled robust one, or a delta file) instead of face-api.")
    String init;

    @Option(names = "--realigned-per-identity", defaultValue = "0",
            description = "Photos per TRAIN identity occluded in the photo and re-aligned from the landmarks found on it, "
                    + "as the detect stage does (the misalignment live faces under masks have); 0: none (default).")
    int realignedPerIdentity;

    @Option(names = "--realigned-share", defaultValue = "0.5",
            description = "Share of the occluded samples drawn from the re-aligned faces (default ${DEFAULT-VALUE}).")
    float realignedShare;

    @Option(names = "--realign-landmarks", defaultValue = "faceapi", paramLabel = "faceapi|masked|FILE",
            description = "Landmark net that re-aligns them, as detector.landmarks (default ${DEFAULT-VALUE}).")
    String realignLandmarks;

    @Option(names = "--centroid-pull", defaultValue = "0",
            description = "Move an occluded face's target this far from the teacher's descriptor of the same photo clean "
                    + "towards the teacher's centroid of the person's clean photos, 0..1 (default ${DEFAULT-VALUE}: "
                    + "plain self-distillation).")
    float centroidPull;

    @Option(names = "--contrast-weight", defaultValue = "0",
            description = "Weight of a contrastive term: each occluded face's descriptor (centred, unit) against the teacher's "
                    + "clean descriptors of every training photo, its own photo the positive, other identities' photos the "
                    + "negatives (default ${DEFAULT-VALUE}: none).")
    float contrastWeight;

    @Option(names = "--contrast-temperature", defaultValue = "0.1",
            description = "Softmax temperature of the contrastive term, on cosine scores (default ${DEFAULT-VALUE}).")
    float contrastTemperature;

    @Option(names = "--exclude-identities", paramLabel = "DIR",
            description = "Leave the identities of this labelled set (labels.csv or one folder per identity) out of training, "
                    + "e.g. the set a calibration will be made on, so that its thresholds are measured on people the "
                    + "recognizer was not trained on.")
    Path excludeIdentities;

    @Override
    public Integer call() throws Exception {
        Path o = out != null ? out : UnveilHome.dir().resolve("train").resolve("recognizer");
        new RecognizerTrainer(new RecognizerTrainer.Options(o, steps, batch, lr, seed, evalEvery, checkpointEvery,
                evalFaces, !noResume, cleanShare, cleanWeight, trainFrom, datasets, init, realignedPerIdentity,
                realignedShare, realignLandmarks, centroidPull, contrastWeight, contrastTemperature,
                excluded()), System.out).train();
        System.out.println("done; delta files in " + o);
        return 0;
    }

    /** The identities of --exclude-identities; a path that is no labelled set is an error, not "exclude nobody". */
    java.util.Set<String> excluded() {
        if (excludeIdentities == null) return java.util.Set.of();
        if (!java.nio.file.Files.isDirectory(excludeIdentities))
            throw new IllegalArgumentException("--exclude-identities " + excludeIdentities + " is not a folder: give a labelled set "
                    + "(labels.csv or one folder per identity)");
        return io.unveil.research.data.LabeledImages.load(excludeIdentities).byIdentity().keySet(); // an empty set: its error
    }
}
