package io.unveil.research.cli;

import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.research.train.idgan.IdGanOptions;
import io.unveil.research.train.idgan.IdGanTrainer;
import io.unveil.research.train.idgan.IdentityLoss;
import io.unveil.research.train.idgan.Recognizers;
import io.unveil.research.train.idgan.TrainingFaces;
import io.unveil.research.train.idgan.TrainingMasks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code unveil train idgan}: trains the identity-diversity inpainting generator (logic in IdGanTrainer). The training
 * flags are {@link IdGanOptions}' own fields (a mixin), so their defaults live there only.
 */
@Command(name = "idgan", mixinStandardHelpOptions = true,
        description = "Train the ID-GAN inpainting generator on the TRAIN identities of a shared data set.")
public final class TrainIdGanCommand implements Callable<Integer> {
    @Mixin
    IdGanOptions options = new IdGanOptions();
    @Option(names = "--no-identity", description = "drop L_R (paper's Our-w/oID ablation)") boolean noIdentity;
    @Option(names = "--no-parsing", description = "drop L_S (no trained parsing net needed)") boolean noParsing;
    @Option(names = "--no-resume", description = "start fresh even if out/checkpoint exists") boolean noResume;
    @Option(names = "--build-cache", description = "detect + align the data set into the aligned cache if missing")
    boolean buildCache;
    @Option(names = "--haar-fallback", description = "without an aligned cache, train on Haar crops (no landmarks)")
    boolean haarFallback;

    /** The options of the run: the bound flags, with the three switches that turn a part off applied. */
    IdGanOptions options() {
        if (noIdentity) options.identityLoss = IdentityLoss.NONE;
        if (noParsing) options.useParsing = false;
        if (noResume) options.resume = false;
        return options;
    }

    @Override
    public Integer call() throws Exception {
        IdGanOptions o = options();
        try (OcclusionEstimator estimator = o.estimatedMaskShare > 0 ? OcclusionEstimator.load(OcclusionEstimator.Options.DEFAULT) : null) {
            IdGanTrainer trainer = new IdGanTrainer(o, o.identityLoss == IdentityLoss.NONE ? null : Recognizers.named(o.recognizer),
                    TrainingMasks.occluders(estimator, o.estimatedMaskShare), System.err);
            IdGanTrainer.Result r = trainer.run(TrainingFaces.load(o.dataset, buildCache, haarFallback));
        System.out.printf("generator: %s  steps %d  skipped %d  %.0f s  validation hole PSNR %.2f dB%n", r.generator(),
                    r.steps(), r.skipped(), r.seconds(), r.validationPsnrHole());
        }
        return 0;
    }
}
