package io.unveil.research.cli;

import io.unveil.core.config.UnveilHome;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.train.landmarks.LandmarkFace;
import io.unveil.research.train.landmarks.LandmarkFaces;
import io.unveil.research.train.landmarks.LandmarkTrainer;
import io.unveil.research.train.landmarks.LandmarkValidation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil train landmarks}: fine-tunes the 68-point landmark net on synthetically occluded faces. */
@Command(name = "landmarks", mixinStandardHelpOptions = true,
        description = "Fine-tune face-api's FaceLandmark68Net on TRAIN photos with synthetic occluders (masks, glasses, "
                + "hands, blocks; 30%% plain), target: the landmarks of the unmasked photo. Validation: landmark error per "
                + "occluder on the VALIDATION choose half every --eval-every steps (validation.csv, step-<n>.bin); "
                + "checkpoints every --checkpoint-every steps and resumes from them; losses.csv every step.")
public final class TrainLandmarksCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Labelled face set (e.g. ../shared/data/celeba-subset).")
    Path data;

    @Option(names = "--out", description = "Output folder (default: ${sys:unveil.help.home}/train/landmarks).")
    Path out;

    @Option(names = "--steps", defaultValue = "4000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Adam learning rate, cosine-decayed to 5%% (default ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--seed", defaultValue = "11", description = "Data seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-every", defaultValue = "250", description = "Validation + weights every N steps (default ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--checkpoint-every", defaultValue = "50", description = "Checkpoint every N steps (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--validation", defaultValue = "validation-choose",
            description = "Identities of the periodic validation: validation-choose (default) or validation-confirm.")
    String validation;

    @Option(names = "--validation-per-identity", defaultValue = "3",
            description = "Photos per validation identity (default ${DEFAULT-VALUE}, as unveil eval detection).")
    int validationPerIdentity;

    @Option(names = "--train-per-identity", defaultValue = "6",
            description = "At most N photos per TRAIN identity, 0 = all (default ${DEFAULT-VALUE}: ~900 photos; their "
                    + "ground truth costs a detector pass each).")
    int trainPerIdentity;

    @Option(names = "--max-minutes", defaultValue = "0", description = "Stop (with a checkpoint) after this many minutes, 0 = no limit.")
    double maxMinutes;

    @Option(names = "--threads", defaultValue = "1", description = "PyTorch threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--evaluate", split = ",", description = "Train nothing: measure face-api's pretrained net and these "
            + "weight files on the --validation identities (the confirm measurement of a chosen checkpoint).")
    List<Path> evaluate;

    @Option(names = "--no-resume", description = "Start from the pretrained net even if a checkpoint exists.")
    boolean noResume;

    @Option(names = "--truth-on", defaultValue = "tiny", paramLabel = "tiny|yunet",
            description = "Training target: the pretrained net's landmarks of the unmasked photo on TinyFaceDetector "
                    + "416's box, the ground truth validation measures against (default; a Tiny pass per photo more), or "
                    + "on YuNet's box: 0.024 inter-ocular distances apart on unmasked faces, which the first fine-tune "
                    + "learned and then showed as plain-face error.")
    String truthOn;

    @Option(names = "--target", defaultValue = "truth", paramLabel = "truth|teacher",
            description = "truth (default): the ground truth's points (see --truth-on); teacher: the frozen pretrained net "
                    + "on the same crop of the photo without the occluder (self-distillation: plain faces keep the "
                    + "pretrained answer, occluded ones learn what the net says without the occluder).")
    String target;

    @Option(names = "--plain-anchor", description = "With --target teacher: each example's crop without the occluder joins "
            + "the batch with the same target, holding the net to its pretrained answer on plain faces (twice the work a step).")
    boolean plainAnchor;

    @Option(names = "--blank-below", defaultValue = "0", paramLabel = "SHARE",
            description = "Blank every input (training and validation) from this share of its height down, so the net learns "
                    + "the 68 points from the upper face alone (0 = off; an experiment: the pipeline does not blank).")
    float blankBelow;

    @Override
    public Integer call() throws Exception {
        // before any network loads: on the shared 2-core machine PyTorch's default thread pool spun so much that the
        // ground-truth pass ran ~10x slower (nothing printed in 5 min vs 988 photos in 80 s with one thread)
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Path o = out != null ? out : UnveilHome.dir().resolve("train").resolve("landmarks");
        String dataset = data.toAbsolutePath().normalize().getFileName().toString();
        IdentitySplit.Subset subset = switch (validation) {
            case "validation-choose" -> IdentitySplit.Subset.VALIDATION_CHOOSE;
            case "validation-confirm" -> IdentitySplit.Subset.VALIDATION_CONFIRM;
            default -> throw new IllegalArgumentException("--validation: validation-choose or validation-confirm, not " + validation);
        };
        if (evaluate != null) {
            List<LandmarkFace> val = LandmarkFaces.load(data, id -> subset.contains(dataset, id), validationPerIdentity,
                    o.resolve("truths-" + validation + ".csv"), true, System.out);
            LandmarkTrainer.evaluate(new LandmarkValidation(val, System.out), evaluate, o.resolve("evaluation-" + validation + ".csv"),
                    System.out);
            return 0;
        }
        boolean tinyTruth = switch (truthOn) {
            case "tiny" -> true;
            case "yunet" -> false;
            default -> throw new IllegalArgumentException("--truth-on: tiny or yunet, not " + truthOn);
        };
        List<LandmarkFace> train = LandmarkFaces.load(data, id -> IdentitySplit.isTrain(dataset, id), trainPerIdentity,
                o.resolve(tinyTruth ? "truths-train-tiny.csv" : "truths-train.csv"), tinyTruth, System.out);
        List<LandmarkFace> val = LandmarkFaces.load(data, id -> subset.contains(dataset, id), validationPerIdentity,
                o.resolve("truths-" + validation + ".csv"), true, System.out);
        LandmarkValidation v = new LandmarkValidation(val, System.out);
        boolean teacher = switch (target) {
            case "truth" -> false;
            case "teacher" -> true;
            default -> throw new IllegalArgumentException("--target: truth or teacher, not " + target);
        };
        if (plainAnchor && !teacher) throw new IllegalArgumentException("--plain-anchor needs --target teacher");
        var options = new LandmarkTrainer.Options(o, steps, batch, lr, seed, evalEvery, checkpointEvery, !noResume,
                maxMinutes, teacher, plainAnchor, blankBelow);
        var r = new LandmarkTrainer(options, System.out).run(train, v);
        System.out.printf("done: %d steps (%d skipped for NaN/Inf), %.0f s; validation.csv and step-*.bin in %s%n",
                r.steps(), r.skippedSteps(), r.wallSeconds(), o);
        return 0;
    }
}
