package io.unveil.research.cli;

import io.unveil.research.train.idgan.IdGanOptions;
import io.unveil.research.train.idgan.IdGanTrainer;
import io.unveil.research.train.idgan.IdentityLoss;
import io.unveil.research.train.idgan.Recognizers;
import io.unveil.research.train.idgan.TrainingFaces;
import io.unveil.research.train.idgan.TrainingMasks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil train idgan}: trains the identity-diversity inpainting generator (logic in IdGanTrainer). */
@Command(name = "idgan", mixinStandardHelpOptions = true,
        description = "Train the ID-GAN inpainting generator on the TRAIN identities of a shared data set.")
public final class TrainIdGanCommand implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "celeba-subset", description = "shared data set (default ${DEFAULT-VALUE})")
    String dataset;
    @Option(names = "--out", defaultValue = "runs/idgan", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--steps", defaultValue = "2000") int steps;
    @Option(names = "--batch", defaultValue = "8") int batch;
    @Option(names = "--width", defaultValue = "16", description = "generator width (channels w, 2w, 4w)") int width;
    @Option(names = "--mirror-input", description = "the generator also sees the face and mask flipped left-right "
            + "(8 input channels; a plain --init-from generator starts with those channels at zero)") boolean mirror;
    @Option(names = "--critic-width", defaultValue = "16") int criticWidth;
    @Option(names = "--lr", defaultValue = "1e-4") float lr;
    @Option(names = "--w-local", defaultValue = "300", description = "weight of L_Dl (paper: 300)") float wLocal;
    @Option(names = "--w-global", defaultValue = "300", description = "weight of L_Dg (paper: 300)") float wGlobal;
    @Option(names = "--w-parsing", defaultValue = "0.05", description = "weight of L_S (paper: 0.05)") float wParsing;
    @Option(names = "--w-identity", defaultValue = "0.0002", description = "weight of L_R (paper: 0.0002)") float wIdentity;
    @Option(names = "--alpha-low", defaultValue = "0.5", description = "alpha_l of L_R, on R_l (paper: 0.5)") float alphaLow;
    @Option(names = "--alpha-high", defaultValue = "0.05", description = "alpha_h of L_R, on R_h (paper: 0.05)") float alphaHigh;
    @Option(names = "--beta", defaultValue = "0.5", description = "beta of L_R, the identity term (paper: 0.5)") float beta;
    @Option(names = "--no-identity", description = "drop L_R (paper's Our-w/oID ablation)") boolean noIdentity;
    @Option(names = "--identity-loss", defaultValue = "diversity", description = "diversity|triplet|center")
    String identityLoss;
    @Option(names = "--no-parsing", description = "drop L_S (no trained parsing net needed)") boolean noParsing;
    @Option(names = "--parsing-weights", description = "parsing-net weights (default: the committed resource)")
    Path parsingWeights;
    @Option(names = "--occluder-share", defaultValue = "0.5",
            description = "share of masks from the occlusion library; the rest are the paper's 48x48 block") float occluderShare;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--build-cache", description = "detect + align the data set into the aligned cache if missing")
    boolean buildCache;
    @Option(names = "--haar-fallback", description = "without an aligned cache, train on Haar crops (no landmarks)")
    boolean haarFallback;
    @Option(names = "--grid-every", defaultValue = "200") int gridEvery;
    @Option(names = "--checkpoint-every", defaultValue = "100") int checkpointEvery;
    @Option(names = "--validate-every", defaultValue = "100") int validateEvery;
    @Option(names = "--keep-snapshots", description = "keep the generator of every checkpoint in <out>/snapshots/, "
            + "for weight averaging with 'unveil models average'") boolean keepSnapshots;
    @Option(names = "--no-resume", description = "start fresh even if out/checkpoint exists") boolean noResume;
    @Option(names = "--init-from", description = "start from the checkpoint folder of another run, or from a "
            + "generator weight file (critics beside it if present, else fresh)") Path initFrom;
    @Option(names = "--max-minutes", defaultValue = "0", description = "stop (with a checkpoint) after this wall time")
    double maxMinutes;
    @Option(names = "--max-grad-ratio", defaultValue = "20", description = "skip a generator update whose gradient norm "
            + "is above this many times the recent median (0 = only the NaN/Inf guard; default ${DEFAULT-VALUE})")
    double maxGradRatio;
    @Option(names = "--device", defaultValue = "cpu", description = "cpu|gpu (gpu falls back to cpu with a log line)")
    String device;
    @Option(names = "--threads", defaultValue = "0", description = "torch intra-op threads (0 = engine default)") int threads;

    @Override
    public Integer call() throws Exception {
        IdGanOptions o = new IdGanOptions();
        o.dataset = dataset;
        o.out = out;
        o.steps = steps;
        o.batch = batch;
        o.width = width;
        o.mirror = mirror;
        o.criticWidth = criticWidth;
        o.lr = lr;
        o.wLocal = wLocal;
        o.wGlobal = wGlobal;
        o.wParsing = wParsing;
        o.wIdentity = wIdentity;
        o.alphaLow = alphaLow;
        o.alphaHigh = alphaHigh;
        o.beta = beta;
        o.identityLoss = noIdentity ? IdentityLoss.NONE : IdentityLoss.parse(identityLoss);
        o.useParsing = !noParsing;
        o.parsingWeights = parsingWeights;
        o.occluderShare = occluderShare;
        o.seed = seed;
        o.gridEvery = gridEvery;
        o.checkpointEvery = checkpointEvery;
        o.keepSnapshots = keepSnapshots;
        o.validateEvery = validateEvery;
        o.resume = !noResume;
        o.initFrom = initFrom;
        o.maxMinutes = maxMinutes;
        o.device = device;
        o.threads = threads;
        o.maxGradRatio = maxGradRatio;
        IdGanTrainer trainer = new IdGanTrainer(o, o.identityLoss == IdentityLoss.NONE ? null : Recognizers.faceApi(),
                TrainingMasks.occluders(), System.err);
        IdGanTrainer.Result r = trainer.run(TrainingFaces.load(dataset, buildCache, haarFallback));
        System.out.printf("generator: %s  steps %d  skipped %d  %.0f s  validation hole PSNR %.2f dB%n", r.generator(),
                r.steps(), r.skipped(), r.seconds(), r.validationPsnrHole());
        return 0;
    }

}
