package io.unveil.research.train.idgan;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * Options of one ID-GAN training run. The one source of their defaults (the paper's): {@code unveil train idgan} binds
 * its flags to these fields (a picocli mixin), so the command and code that builds options directly cannot disagree.
 * Fields without a flag (the Adam betas, the triplet margin) are set by code only.
 */
public final class IdGanOptions {
    @Option(names = "--dataset", description = "shared data set (default ${DEFAULT-VALUE})")
    public String dataset = "celeba-subset";
    @Option(names = "--out", description = "output folder (default ${DEFAULT-VALUE})")
    public Path out = Path.of("runs", "idgan");
    @Option(names = "--steps", description = "optimizer steps (default ${DEFAULT-VALUE})")
    public int steps = 2000;
    @Option(names = "--batch", description = "batch size (default ${DEFAULT-VALUE})")
    public int batch = 8;
    @Option(names = "--width", description = "generator width (channels w, 2w, 4w; default ${DEFAULT-VALUE})")
    public int width = 16;
    /** Generator also sees the flipped face and mask ({@link Generator}); off = the paper's 4-channel input. */
    @Option(names = "--mirror-input", description = "the generator also sees the face and mask flipped left-right "
            + "(8 input channels; a plain --init-from generator starts with those channels at zero)")
    public boolean mirror = false;
    /** Generator also gets the face filled by the PCA face prior ({@link io.unveil.inpaint.prior.FacePrior}). */
    @Option(names = "--prior-input", description = "the generator also gets the face with its hole filled by the PCA "
            + "face prior (3 more input channels; a generator --init-from without them starts with those at zero)")
    public boolean prior = false;
    @Option(names = "--prior", description = "face prior weight file for --prior-input (default: the committed one)")
    public Path priorWeights;
    /** Share of the library's occluder masks replaced by what the occlusion estimator finds on the occluded face. */
    @Option(names = "--estimated-mask-share", description = "share of the occluder masks replaced by the occlusion "
            + "estimator's mask of that occluded face, the shape the live stage sends (default ${DEFAULT-VALUE})")
    public float estimatedMaskShare = 0f;
    @Option(names = "--critic-width", description = "critic width (default ${DEFAULT-VALUE})")
    public int criticWidth = 16;
    @Option(names = "--lr", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    public float lr = 1e-4f;
    public float beta1Generator = 0.9f;
    public float beta1Critic = 0.5f;
    @Option(names = "--w-local", description = "weight of L_Dl (paper: 300)")
    public float wLocal = 300f;
    @Option(names = "--w-global", description = "weight of L_Dg (paper: 300)")
    public float wGlobal = 300f;
    @Option(names = "--w-parsing", description = "weight of L_S (paper: 0.05)")
    public float wParsing = 0.05f;
    @Option(names = "--w-identity", description = "weight of L_R (paper: 0.0002)")
    public float wIdentity = 0.0002f;
    @Option(names = "--identity-loss", converter = IdentityLossName.class, paramLabel = "diversity|triplet|center",
            description = "identity term of L_R (default ${DEFAULT-VALUE})")
    public IdentityLoss identityLoss = IdentityLoss.DIVERSITY;
    @Option(names = "--recognizer", description = "the frozen recognizer R: " + Recognizers.NAMES + " (default ${DEFAULT-VALUE})")
    public String recognizer = "faceapi";
    /** Inside L_R (eq. 5): alpha_l, alpha_h and beta; the paper's 0.5, 0.05, 0.5 by default. */
    @Option(names = "--alpha-low", description = "alpha_l of L_R, on R_l (paper: 0.5)")
    public float alphaLow = Losses.ALPHA_LOW;
    @Option(names = "--alpha-high", description = "alpha_h of L_R, on R_h (paper: 0.05)")
    public float alphaHigh = Losses.ALPHA_HIGH;
    @Option(names = "--beta", description = "beta of L_R, the identity term (paper: 0.5)")
    public float beta = Losses.BETA;
    public float tripletMargin = 0.3f;
    public boolean useParsing = true;
    @Option(names = "--parsing-weights", description = "parsing-net weights (default: the committed resource)")
    public Path parsingWeights;
    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})")
    public long seed = 42;
    @Option(names = "--grid-every", description = "sample grid every N steps (default ${DEFAULT-VALUE})")
    public int gridEvery = 200;
    /**
     * 100, the command's value before the two agreed: every committed generator was trained through the command, and
     * the model card's commands that leave the flag out (the generator.bin runs, resumed at checkpoints) ran with 100.
     */
    @Option(names = "--checkpoint-every", description = "checkpoint every N steps (default ${DEFAULT-VALUE})")
    public int checkpointEvery = 100;
    /** Also keep each checkpoint's generator under snapshots/ (weight averaging over the last checkpoints). */
    @Option(names = "--keep-snapshots", description = "keep the generator of every checkpoint in <out>/snapshots/, "
            + "for weight averaging with 'unveil models average'")
    public boolean keepSnapshots;
    /** 100, as {@link #checkpointEvery} and for the same reason. */
    @Option(names = "--validate-every", description = "validation every N steps (default ${DEFAULT-VALUE})")
    public int validateEvery = 100;
    public boolean resume = true;
    @Option(names = "--init-from", description = "start from the checkpoint folder of another run, or from a "
            + "generator weight file (critics beside it if present, else fresh)")
    public Path initFrom;
    @Option(names = "--device", description = "cpu|gpu (gpu falls back to cpu with a log line; default ${DEFAULT-VALUE})")
    public String device = "cpu";
    @Option(names = "--threads", description = "torch intra-op threads (0 = engine default)")
    public int threads = 0;
    /** Probability that a training mask comes from the occlusion library instead of the 48x48 block. */
    @Option(names = "--occluder-share", description = "share of masks from the occlusion library; the rest are the paper's "
            + "48x48 block (default ${DEFAULT-VALUE})")
    public float occluderShare = 0.5f;
    /** A generator update whose gradient norm exceeds this many times the recent median is skipped (0 = off). */
    @Option(names = "--max-grad-ratio", description = "skip a generator update whose gradient norm is above this many times "
            + "the recent median (0 = only the NaN/Inf guard; default ${DEFAULT-VALUE})")
    public double maxGradRatio = 20;
    /** Stop when the wall clock passes this many minutes (0 = no limit); a checkpoint is written first. */
    @Option(names = "--max-minutes", description = "stop (with a checkpoint) after this wall time (0 = no limit)")
    public double maxMinutes = 0;

    public String describe() {
        return "dataset=" + dataset + " steps=" + steps + " batch=" + batch + " width=" + width + (mirror ? " mirror" : "") + (prior ? " prior" : "")
                + " estimatedMaskShare=" + estimatedMaskShare + " criticWidth="
                + criticWidth + " lr=" + lr + " beta1(G/D)=" + beta1Generator + "/" + beta1Critic + " weights(Dl,Dg,S,R)="
                + wLocal + "," + wGlobal + "," + (useParsing ? wParsing : 0) + "," + wIdentity + " identityLoss="
                + identityLoss + " alpha(l,h)/beta=" + alphaLow + "," + alphaHigh + "/" + beta + " maxGradRatio=" + maxGradRatio + " seed=" + seed + " device=" + device;
    }

    /** {@code --identity-loss} accepts the names {@link IdentityLoss#parse} knows (diversity, tri, cent, ...). */
    static final class IdentityLossName implements ITypeConverter<IdentityLoss> {
        @Override
        public IdentityLoss convert(String value) {
            return IdentityLoss.parse(value);
        }
    }
}
