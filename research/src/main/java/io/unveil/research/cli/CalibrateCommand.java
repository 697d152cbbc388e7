package io.unveil.research.cli;

import io.unveil.recognize.calibrate.CalibrationResult;
import io.unveil.core.config.Settings;
import io.unveil.core.model.ModelLoader;
import io.unveil.inpaint.FaceInpainter;
import io.unveil.inpaint.stage.InpaintSettings;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.stage.RecognizeSettings;
import io.unveil.detector.align.FaceChips;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.detector.yunet.YuNetDetector;
import io.unveil.research.calibrate.Calibrate;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.LabeledImages;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unveil calibrate --data DIR --far 1e-3 [--model NAME]}: the open-set thresholds per probe condition (plain,
 * occluded, repaired, and against occlusion-matched centroids) for a target false-accept rate. The recognizer is
 * loaded by the launcher's model registry ({@code recognize.model}'s names), so a newly registered model is calibrated
 * the same way; the repaired conditions use the generator {@code inpaint.generator} names (default: the pipeline's
 * default generator), loaded by the launcher's generator registry.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Pick the recognition thresholds (plain, occluded, repaired, occlusion-matched) from a labelled face set "
                + "for a target false-accept rate and write the calibration file that `unveil run` reads (recognize.calibration); "
                + "bundle it as recognize/src/main/resources/io/unveil/recognize/calibration/<model>.json to make it the model's default.")
public final class CalibrateCommand implements Callable<Integer> {
    private final ModelLoader<? extends Embedder> recognizers;
    private final ModelLoader<? extends FaceInpainter> generators;

    /**
     * @param recognizers loads the recognizer {@code recognize.model} names (the launcher passes its registry)
     * @param generators  loads the generator {@code inpaint.generator} names (the launcher passes its registry)
     */
    public CalibrateCommand(ModelLoader<? extends Embedder> recognizers, ModelLoader<? extends FaceInpainter> generators) {
        this.recognizers = recognizers;
        this.generators = generators;
    }

    @Option(names = "--model", defaultValue = "robust",
            description = "Recognizer to calibrate, a recognize.model name (default ${DEFAULT-VALUE}, what `run` serves by default).")
    String model;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the occluders drawn on the probes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-repaired", description = "Skip the repaired conditions (by default the --generator repairs the occluded probes).")
    boolean noRepaired;

    @Option(names = "--generator", paramLabel = "NAME|FILE", description = "Generator of the repaired conditions, an inpaint.generator "
            + "name or weight file (default: inpaint.generator's default, what `run` repairs with when inpaint.repair=true).")
    String generator;
    @Option(names = "--data", required = true, description = "Labelled set (labels.csv or one folder per identity).")
    Path data;

    @Option(names = "--far", defaultValue = "1e-3", description = "Target false-accept rate (default ${DEFAULT-VALUE}).")
    double far;

    @Option(names = "--out", defaultValue = "calibration.json", description = "Calibration file to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--max-per-identity", defaultValue = "10", description = "Images used per identity (default ${DEFAULT-VALUE}).")
    int maxPerIdentity;

    @Option(names = "--split", defaultValue = "all",
            description = "Identities of the shared split to use: all, train, validation, validation-choose or validation-confirm "
                    + "(default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--flip-average", description = "Calibrate the recognizer as recognize.flip-average=true runs it "
            + "(each face averaged with its mirror image).")
    boolean flipAverage;

    @Option(names = "--descriptors", paramLabel = "FILE", description = "Also write every photo's descriptors in every condition "
            + "(CSV: identity, photo, condition, region, then the recognizer's values: 128 for robust, 640 for fused) for analyses outside the runtime.")
    Path descriptors;

    @Option(names = "--realigned", description = "Make the occluded probes the live way: the occluder drawn into the photo, the face "
            + "found again by the default detect stage's networks (YuNet + the masked landmark net) and aligned from what they find "
            + "(default: drawn on the chip aligned from the clean face). Needs --no-repaired.")
    boolean realigned;

    @Option(names = "--force", description = "Write the calibration even when the set has fewer than 10/FAR impostor scores "
            + "(refused otherwise: the threshold would rest on fewer than 10 accepted impostors).")
    boolean force;

    @Override
    public Integer call() {
        // checked before the models load (seconds), so a typo costs nothing
        if (realigned && !noRepaired)
            throw new IllegalArgumentException("--realigned needs --no-repaired: a re-aligned probe has no exact occluder mask to repair");
        if (!java.nio.file.Files.isDirectory(data))
            throw new IllegalArgumentException("--data " + data + " is not a folder: give a labelled set (labels.csv, or one "
                    + "folder per identity), e.g. ../shared/data/celeba-subset (README, \"Data sets\")");
        Set<String> exclude = new HashSet<>();
        String ds = data.getFileName().toString();
        if (split.startsWith("validation-")) {
            IdentitySplit.Subset keep = IdentitySplit.Subset.valueOf(split.toUpperCase(Locale.ROOT).replace('-', '_'));
            for (String id : LabeledImages.load(data).byIdentity().keySet())
                if (!keep.contains(ds, id)) exclude.add(id);
        } else if (!split.equals("all")) {
            IdentitySplit.Part keep = IdentitySplit.Part.valueOf(split.toUpperCase(Locale.ROOT));
            for (String id : LabeledImages.load(data).byIdentity().keySet())
                if (IdentitySplit.of(ds, id) != keep) exclude.add(id);
        }
        FaceChips chips = FaceChips.faceApi();
        try (Embedder embedder = recognizers.load(Settings.empty().with(RecognizeSettings.MODEL, model)
                .with(RecognizeSettings.FLIP_AVERAGE, String.valueOf(flipAverage)));
             FaceInpainter inpainter = noRepaired ? null : generators.load(generator == null ? Settings.empty()
                     : Settings.empty().with(InpaintSettings.GENERATOR, generator))) {
            if (inpainter != null) System.err.println("calibrate: repaired conditions filled by " + inpainter.model());
            YuNetAnalyzer live = realigned ? YuNetAnalyzer.load(YuNetDetector.DEFAULT_SCORE_THRESHOLD, FaceLandmark68Net.loadMasked()) : null;
            CalibrationResult r;
            try {
                r = new Calibrate(chips, embedder, inpainter, System.err).withLiveDetector(live)
                    .run(new Calibrate.Options(data, far, out, maxPerIdentity, exclude, force, model, seed, descriptors));
            } finally {
                if (live != null) live.close();
            }
            System.out.printf(Locale.ROOT, "recognize.model=%s, target FAR %.1e, thresholds per probe condition:%n%swrote %s%n", model,
                    r.targetFar(), Calibrate.describe(r.conditions()), out.toAbsolutePath());
            return 0;
        } finally {
            chips.analyzer().close();
        }
    }
}
