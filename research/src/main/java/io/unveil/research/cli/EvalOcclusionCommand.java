package io.unveil.research.cli;

import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.research.eval.occlusion.OcclusionEvaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil eval occlusion}: the occlusion estimator's IoU per occluder type, false positives, real masked faces, speed. */
@Command(name = "occlusion", mixinStandardHelpOptions = true,
        description = "Measure the occlusion estimator: IoU per synthetic occluder on validation identities, false-positive "
                + "area on clean faces, mouth-chin/eye coverage on real masked faces (all detections and those passing the "
                + "detector stage's quality gate, with PNG grids), inference time per face.")
public final class EvalOcclusionCommand implements Callable<Integer> {
    @Option(names = "--data", description = "labelled face set for the synthetic measurements (e.g. ../shared/data/celeba-subset)")
    Path data;
    @Option(names = "--masked", description = "real photos of masked people (e.g. ../shared/data/masked-faces)") Path masked;
    @Option(names = "--weights", description = "estimator weights (default: the committed model)") Path weights;
    @Option(names = "--out", defaultValue = "runs/occlusion-eval/results.json",
            description = "results JSON file, or a folder to write results.json into (default: ${DEFAULT-VALUE})") Path out;
    @Option(names = "--grid", defaultValue = "runs/occlusion-eval/masked-faces.png",
            description = "PNG grid of real masked faces; the quality-gated grids go beside it (default: ${DEFAULT-VALUE})") Path grid;
    @Option(names = "--per-identity", defaultValue = "4") int perIdentity;
    @Option(names = "--detector-size", defaultValue = "224") int detectorSize;
    @Option(names = "--masked-labels", description = "hand labels of the masked set's detections, file,label with label "
            + "masked|unmasked|not-a-face (default: the bundled labels of shared/data/masked-faces)") Path maskedLabels;
    @Option(names = "--flip-average", negatable = true,
            description = "average the estimate over the face and its mirror image (default: as the stage runs)")
    Boolean flipAverage;
    @Option(names = "--fill-holes", negatable = true,
            description = "visible pixels enclosed by an occluder count as occluded, except at the eyes (default: as the stage runs)")
    Boolean fillHoles;
    @Option(names = "--pixel-low", description = "hysteresis: pixels at or above this probability joined to confident ones "
            + "are occluded too; 0.5 or more turns it off (default: as the stage runs)")
    Float pixelLow;

    @Override
    public Integer call() throws Exception {
        if (data == null && masked == null) throw new IllegalArgumentException("give --data and/or --masked");
        if (java.nio.file.Files.isDirectory(out) || out.toAbsolutePath().equals(grid.toAbsolutePath().getParent()))
            out = out.resolve("results.json"); // a folder (or the grid's folder, created later) was given
        OcclusionEstimator.Options d = OcclusionEstimator.Options.DEFAULT;
        OcclusionEstimator.Options est = d.withMask(pixelLow == null ? d.pixelLow() : pixelLow,
                flipAverage == null ? d.flipAverage() : flipAverage, fillHoles == null ? d.fillHoles() : fillHoles);
        OcclusionEvaluation.run(new OcclusionEvaluation.Options(data, masked, weights, out, grid, perIdentity, detectorSize,
                est, maskedLabels), System.out);
        System.out.println("results: " + out.toAbsolutePath());
        return 0;
    }
}
