package io.unveil.research.train.idgan;

import java.nio.file.Path;

/** Options of one ID-GAN training run (filled by {@code unveil train idgan}). Defaults are the paper's. */
public final class IdGanOptions {
    public String dataset = "celeba-subset";
    public Path out = Path.of("runs", "idgan");
    public int steps = 2000;
    public int batch = 8;
    public int width = 16;
    /** Generator also sees the flipped face and mask ({@link Generator}); off = the paper's 4-channel input. */
    public boolean mirror = false;
    public int criticWidth = 16;
    public float lr = 1e-4f;
    public float beta1Generator = 0.9f;
    public float beta1Critic = 0.5f;
    public float wLocal = 300f;
    public float wGlobal = 300f;
    public float wParsing = 0.05f;
    public float wIdentity = 0.0002f;
    public IdentityLoss identityLoss = IdentityLoss.DIVERSITY;
    /** Inside L_R (eq. 5): alpha_l, alpha_h and beta; the paper's 0.5, 0.05, 0.5 by default. */
    public float alphaLow = Losses.ALPHA_LOW;
    public float alphaHigh = Losses.ALPHA_HIGH;
    public float beta = Losses.BETA;
    public float tripletMargin = 0.3f;
    public boolean useParsing = true;
    public Path parsingWeights;
    public long seed = 42;
    public int gridEvery = 200;
    public int checkpointEvery = 200;
    /** Also keep each checkpoint's generator under snapshots/ (weight averaging over the last checkpoints). */
    public boolean keepSnapshots;
    public int validateEvery = 200;
    public boolean resume = true;
    public Path initFrom;
    public String device = "cpu";
    public int threads = 0;
    /** Probability that a training mask comes from the occlusion library instead of the 48x48 block. */
    public float occluderShare = 0.5f;
    /** A generator update whose gradient norm exceeds this many times the recent median is skipped (0 = off). */
    public double maxGradRatio = 20;
    /** Stop when the wall clock passes this many minutes (0 = no limit); a checkpoint is written first. */
    public double maxMinutes = 0;

    public String describe() {
        return "dataset=" + dataset + " steps=" + steps + " batch=" + batch + " width=" + width + (mirror ? " mirror" : "") + " criticWidth="
                + criticWidth + " lr=" + lr + " beta1(G/D)=" + beta1Generator + "/" + beta1Critic + " weights(Dl,Dg,S,R)="
                + wLocal + "," + wGlobal + "," + (useParsing ? wParsing : 0) + "," + wIdentity + " identityLoss="
                + identityLoss + " alpha(l,h)/beta=" + alphaLow + "," + alphaHigh + "/" + beta + " maxGradRatio=" + maxGradRatio + " seed=" + seed + " device=" + device;
    }
}
