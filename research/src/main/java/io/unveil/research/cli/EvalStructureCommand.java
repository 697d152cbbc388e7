package io.unveil.research.cli;

import io.unveil.research.data.IdentitySplit;
import io.unveil.research.eval.inpaint.IdentityGuard;
import io.unveil.research.eval.inpaint.LibraryOcclusion;
import io.unveil.research.eval.inpaint.OcclusionProtocol;
import io.unveil.research.eval.inpaint.StructureEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil eval structure}: PSNR/SSIM and the landmark structure metric per occlusion type, no recognizer. */
@Command(name = "structure", mixinStandardHelpOptions = true,
        description = "Repair quality without the recognizer: PSNR/SSIM (whole, hole) and the 68-point landmark error inside the "
                + "hole per occlusion type and method, on a fixed sample of faces; grids of repaired faces. Identity: `unveil eval`.")
public final class EvalStructureCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Labelled set (default: ../shared/data/celeba-subset).")
    Path data;
    @Option(names = "--identities", defaultValue = "auto", description = "validation, validation-choose, validation-confirm, "
            + "all, or auto (validation for celeba-subset, else all; default: ${DEFAULT-VALUE}).")
    String identities;
    @Option(names = "--faces", defaultValue = "200", description = "Faces in the sample (default: ${DEFAULT-VALUE}).")
    int faces;
    @Option(names = "--occlusion", split = ",", defaultValue = "block-random-48,medical-mask,cloth-mask,sunglasses,hand",
            description = "Occlusion types (default: ${DEFAULT-VALUE}).")
    List<String> occlusion = new ArrayList<>();
    @Option(names = "--methods", split = ",", defaultValue = "white,telea,idgan,prior-idgan,pca-prior", description = "Methods besides GT and OCC "
            + "(as `unveil eval --methods`; default: ${DEFAULT-VALUE}).")
    List<String> methods = new ArrayList<>();
    @Option(names = "--model-card", paramLabel = "FILE", description = "Another model card to check the identities against (repeatable).")
    List<Path> modelCards = new ArrayList<>();
    @Option(names = "--seed", defaultValue = "1", description = "Occlusion seed, as `unveil eval --seed` (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--grids", defaultValue = "24", description = "Faces per grid (default: ${DEFAULT-VALUE}).")
    int grids;
    @Option(names = "--threads", defaultValue = "1", description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--out", defaultValue = "eval-structure", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        Path set = EvalSets.set(data);
        if (set == null) return 2;
        EvalSets.threads(threads);
        String setName = set.toAbsolutePath().normalize().getFileName().toString();
        IdentitySplit.Subset subset = EvalSets.subset(identities, setName);
        List<OcclusionProtocol> protocols = new ArrayList<>();
        for (String p : occlusion) protocols.add(LibraryOcclusion.parse(p));
        try {
            StructureEvaluation.Result r = StructureEvaluation.run(set, setName, subset, faces, protocols, methods, modelCards, seed, grids, out);
            System.out.printf(Locale.ROOT, "%d faces of %d identities; report: %s%n", r.faces(), r.identities(), out.toAbsolutePath().resolve("report.md"));
        } catch (IdentityGuard.Refused e) {
            System.err.println("refused: " + e.getMessage());
            return 3;
        }
        return 0;
    }
}
