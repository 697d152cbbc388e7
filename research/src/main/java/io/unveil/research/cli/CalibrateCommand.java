package io.unveil.research.cli;

import io.unveil.recognize.calibrate.CalibrationResult;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.detector.align.FaceChips;
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

/** {@code unveil calibrate --data DIR --far 1e-3}: the open-set threshold for a target false-accept rate. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Pick the recognition threshold from a labelled face set for a target false-accept rate and "
                + "write the calibration file that `unveil run` reads (recognize.calibration).")
public final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Labelled set (labels.csv or one folder per identity).")
    Path data;

    @Option(names = "--far", defaultValue = "1e-3", description = "Target false-accept rate (default ${DEFAULT-VALUE}).")
    double far;

    @Option(names = "--out", defaultValue = "calibration.json", description = "Calibration file to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--max-per-identity", defaultValue = "10", description = "Images used per identity (default ${DEFAULT-VALUE}).")
    int maxPerIdentity;

    @Option(names = "--split", defaultValue = "all",
            description = "Identities of the shared split to use: all, train or validation (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--force", description = "Write the calibration even when the set has fewer than 10/FAR impostor scores "
            + "(refused otherwise: the threshold would rest on fewer than 10 accepted impostors).")
    boolean force;

    @Override
    public Integer call() {
        // checked before the models load (seconds), so a typo costs nothing
        if (!java.nio.file.Files.isDirectory(data))
            throw new IllegalArgumentException("--data " + data + " is not a folder: give a labelled set (labels.csv, or one "
                    + "folder per identity), e.g. ../shared/data/celeba-subset (README, \"Data sets\")");
        Set<String> exclude = new HashSet<>();
        if (!split.equals("all")) {
            IdentitySplit.Part keep = IdentitySplit.Part.valueOf(split.toUpperCase(Locale.ROOT));
            for (String id : LabeledImages.load(data).byIdentity().keySet())
                if (IdentitySplit.of(data.getFileName().toString(), id) != keep) exclude.add(id);
        }
        FaceChips chips = FaceChips.faceApi();
        try (FaceApiEmbedder embedder = FaceApiEmbedder.load()) {
            CalibrationResult r = new Calibrate(chips, embedder, System.err)
                    .run(new Calibrate.Options(data, far, out, maxPerIdentity, exclude, force));
            System.out.printf(Locale.ROOT, "threshold %.4f for FAR %.1e: measured FAR %.2e, FRR %.3f (%d genuine, %d impostor "
                            + "scores; genuine median %.3f, impostor median %.3f)%nwrote %s%n", r.threshold(), r.targetFar(), r.far(),
                    r.frr(), r.genuinePairs(), r.impostorPairs(), r.genuineMedian(), r.impostorMedian(), out.toAbsolutePath());
            return 0;
        } finally {
            chips.analyzer().close();
        }
    }
}
