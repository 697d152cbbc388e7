package io.unveil.research.cli;

import io.unveil.research.bench.BenchTable;
import io.unveil.research.bench.StageBench;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil bench stages}: per-stage speed with the reference implementations side by side. */
@Command(name = "stages", mixinStandardHelpOptions = true,
        description = "Per-stage speed on real faces (decode, detect, align, occlusion, inpaint, embed, gallery) with face-api/tfjs-wasm,"
                + " OpenCV Telea and brute-force matching side by side.")
public final class BenchStagesCommand implements Callable<Integer> {
    @Option(names = "--stages", split = ",", description = "Subset of ${COMPLETION-CANDIDATES} (default: all).")
    List<StageBench.Stage> stages;
    @Option(names = "--iterations", defaultValue = "20", description = "Timed calls per measure (default: ${DEFAULT-VALUE}).")
    int iterations;
    @Option(names = "--no-node", description = "Skip the face-api (Node, tfjs-wasm) reference.")
    boolean noNode;
    @Option(names = "--repo", defaultValue = ".", description = "Repository root (for tools/parity).")
    Path repo;
    @Option(names = "--inpaint-batches", split = ",", defaultValue = "1,8,32") int[] inpaintBatches;
    @Option(names = "--gallery-sizes", split = ",", defaultValue = "1000,100000,1000000") int[] gallerySizes;
    @Option(names = "--threads", defaultValue = "1", description = "PyTorch intra-op threads (0 = PyTorch default; default: ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--generator", paramLabel = "FILE", description = "ID-GAN generator weights (default: the one the inpaint stage serves, prior-idgan).")
    Path generator;
    @Option(names = "--occlusion-weights", paramLabel = "FILE", description = "Occlusion estimator weights (default: the committed ones).")
    Path occlusionWeights;
    @Option(names = "--markdown", paramLabel = "FILE", description = "Append the results as a markdown section to FILE.")
    Path markdown;

    @Override
    public Integer call() throws Exception {
        var set = stages == null || stages.isEmpty() ? EnumSet.allOf(StageBench.Stage.class) : EnumSet.copyOf(stages);
        BenchTable t = StageBench.run(new StageBench.Options(set, iterations, !noNode, repo.toAbsolutePath(), inpaintBatches, gallerySizes,
                threads, generator, occlusionWeights), System.err);
        t.print(System.out);
        if (markdown != null) t.appendTo(markdown);
        return 0;
    }
}
