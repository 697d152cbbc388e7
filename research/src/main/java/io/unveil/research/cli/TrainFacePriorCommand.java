package io.unveil.research.cli;

import io.unveil.core.model.WeightFile;
import io.unveil.inpaint.idgan.Tensors;
import io.unveil.inpaint.prior.FacePrior;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.train.idgan.MaskSource;
import io.unveil.research.train.idgan.TrainingFace;
import io.unveil.research.train.idgan.TrainingFaces;
import io.unveil.research.train.prior.FacePriorFit;
import io.unveil.research.train.prior.PriorChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unveil train face-prior}: fits the PCA face prior on the TRAIN identities, measures each candidate number of
 * components on the VALIDATION-CHOOSE identities (hole PSNR of the 48x48 block) and writes the chosen one.
 */
@Command(name = "face-prior", mixinStandardHelpOptions = true,
        description = "Fit the PCA (eigenface) face prior on the TRAIN identities of a shared data set; choose the number "
                + "of components on the VALIDATION-CHOOSE identities; write it in half precision.")
public final class TrainFacePriorCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "celeba-subset", description = "shared data set (default ${DEFAULT-VALUE})")
    String dataset;
    @Option(names = "--resolution", defaultValue = "64", description = "model resolution r (r x r, divides 128; default ${DEFAULT-VALUE})")
    int resolution;
    @Option(names = "--components", split = ",", defaultValue = "32,64,96,128",
            description = "candidate component counts; the largest is fitted, the others are its leading part (default ${DEFAULT-VALUE})")
    List<Integer> components;
    @Option(names = "--choose-faces", defaultValue = "300", description = "VALIDATION-CHOOSE faces to choose K on (default ${DEFAULT-VALUE})")
    int chooseFaces;
    @Option(names = "--seed", defaultValue = "1", description = "seed of the subspace iteration and the blocks (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", defaultValue = "face-prior.bin", description = "weight file to write (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<TrainingFace> all = TrainingFaces.load(dataset);
        List<TrainingFace> train = TrainingFaces.part(all, dataset, IdentitySplit.Part.TRAIN);
        List<TrainingFace> choose = all.stream().filter(f -> IdentitySplit.Subset.VALIDATION_CHOOSE.contains(dataset, f.identity()))
                .limit(chooseFaces).toList();
        int kMax = components.stream().mapToInt(Integer::intValue).max().orElseThrow();
        long t0 = System.nanoTime();
        FacePriorFit.Fit fit = FacePriorFit.fit(train.stream().map(f -> Tensors.chw(f.face())).toList(), resolution, kMax, seed);
        System.out.printf(Locale.ROOT, "fitted on %d TRAIN faces (+ mirrors) of %s at %dx%d, K = %d: %.1f%% of the variance, "
                        + "noise %.3g per value, %.0f s%n", fit.faces(), dataset, resolution, resolution, kMax, 100 * fit.explained(),
                fit.noise(), (System.nanoTime() - t0) / 1e9);
        PriorChoice.Result choice = PriorChoice.choose(fit.tensors(), components, choose, MaskSource.BLOCK_48, seed);
        for (PriorChoice.Row r : choice.rows())
            System.out.printf(Locale.ROOT, "K = %3d: VALIDATION-CHOOSE hole PSNR %.2f dB, whole %.2f dB (%d faces, 48x48 blocks)%n",
                    r.k(), r.psnrHole(), r.psnrWhole(), r.faces());
        System.out.printf("chosen (highest hole PSNR; within 0.1 dB the smaller K): K = %d%n", choice.chosen());
        WeightFile.writeHalf(out, PriorChoice.leading(fit.tensors(), choice.chosen()));
        FacePrior check = FacePrior.load(out);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out)));
        System.out.printf("wrote %s (%d bytes, sha256 %s, K %d, r %d)%n", out, Files.size(out), sha, check.components(), check.resolution());
        return 0;
    }
}
