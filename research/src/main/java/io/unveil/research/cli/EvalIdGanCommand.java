package io.unveil.research.cli;

import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.eval.idgan.IdGanEvaluator;
import io.unveil.research.eval.idgan.SeedSummary;
import io.unveil.research.train.idgan.TrainingFaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unveil eval idgan}: PSNR/SSIM and verification accuracy (GT / OCC / Telea / ID-GAN) with paired-bootstrap
 * intervals against OCC on VALIDATION identities (or one of their choose/confirm halves).
 */
@Command(name = "idgan", mixinStandardHelpOptions = true,
        description = "Validate an ID-GAN generator: image fidelity and verification accuracy with R on validation identities.")
public final class EvalIdGanCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "celeba-subset") String dataset;
    @Option(names = "--generator", description = "weights, repeatable (default: the generator the inpaint stage serves, prior-idgan)") List<Path> generators;
    @Option(names = "--out", defaultValue = "runs/idgan-eval") Path out;
    @Option(names = "--max-faces", defaultValue = "800") int maxFaces;
    @Option(names = "--folds", defaultValue = "10") int folds;
    @Option(names = "--pairs-per-class", defaultValue = "150", description = "same (and different) pairs per fold")
    int pairsPerClass;
    @Option(names = "--seed", defaultValue = "7") long seed;
    @Option(names = "--seeds", split = ",", paramLabel = "S[,S...]",
            description = "evaluate under each of these protocol seeds (block positions and pairs) and add a summary over them")
    List<Long> seeds;
    @Option(names = "--occlude", defaultValue = "both",
            description = "both (the block on both faces of a pair, the stricter test; default) or one (the second face "
                    + "only, the first stays unoccluded, as the paper occludes the test face and `unveil eval` does by default)")
    Occlude occlude;
    @Option(names = "--identities", defaultValue = "validation",
            description = "validation, or one fixed half of the VALIDATION identities: validation-choose (pick a generator) or "
                    + "validation-confirm (report the pick once) (default: ${DEFAULT-VALUE})")
    String identities;
    @Option(names = "--haar-fallback", description = "without an aligned cache, use the Haar crops") boolean haar;
    @Option(names = "--device", defaultValue = "cpu") String device;
    @Option(names = "--flip-average", defaultValue = "off",
            description = "test-time flip averaging of each generator: off (as served), on, or both (each generator twice)")
    FlipAverage flipAverage;

    enum Occlude { one, both }

    enum FlipAverage {
        on, off, both;

        List<Boolean> modes() {
            return this == both ? List.of(false, true) : List.of(this == on);
        }
    }

    @Override
    public Integer call() throws Exception {
        IdentitySplit.Subset subset = switch (identities.toLowerCase(Locale.ROOT)) {
            case "validation" -> IdentitySplit.Subset.VALIDATION;
            case "validation-choose" -> IdentitySplit.Subset.VALIDATION_CHOOSE;
            case "validation-confirm" -> IdentitySplit.Subset.VALIDATION_CONFIRM;
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--identities must be validation, validation-choose or validation-confirm");
        };
        List<Inpainter> inpainters = new ArrayList<>();
        try (FaceApiEmbedder r = FaceApiEmbedder.load()) {
            for (boolean flip : flipAverage.modes()) {
                if (generators == null || generators.isEmpty()) inpainters.add(Inpainter.loadServed(device, flip));
                else for (Path g : generators) inpainters.add(Inpainter.load(g, device, flip));
            }
            var faces = TrainingFaces.load(dataset, false, haar);
            if (seeds == null || seeds.isEmpty()) {
                IdGanEvaluator.Report rep = IdGanEvaluator.run(faces, dataset, subset, inpainters, r, maxFaces, folds, pairsPerClass, seed,
                        occlude == Occlude.both, out, System.err);
                System.out.println(rep.markdown());
                System.out.printf("(%.0f s)%n", rep.seconds());
                return 0;
            }
            List<IdGanEvaluator.Report> reports = new ArrayList<>();
            for (long s : seeds) {
                System.err.printf("seed %d (%d of %d)%n", s, reports.size() + 1, seeds.size());
                IdGanEvaluator.Report rep = IdGanEvaluator.run(faces, dataset, subset, inpainters, r, maxFaces, folds, pairsPerClass, s,
                        occlude == Occlude.both, out.resolve("seed-" + s), System.err);
                System.out.println("seed " + s + ": " + rep.markdown());
                reports.add(rep);
            }
            String summary = SeedSummary.markdown(seeds, reports);
            Files.createDirectories(out);
            Files.writeString(out.resolve("summary.md"), summary);
            System.out.println(summary);
        } finally {
            inpainters.forEach(Inpainter::close);
        }
        return 0;
    }

}
