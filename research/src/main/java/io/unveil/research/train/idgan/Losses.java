package io.unveil.research.train.idgan;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The ID-GAN losses (paper eq. 2-7) over NCHW tensors. Normalisation, stated once: L_I is a per-image SUM over
 * pixels and channels (averaged over the batch), as in the Caffe Euclidean loss of Generative Face Completion whose
 * 300/300 adversarial weights ID-GAN inherits; with a per-pixel mean the adversarial terms would outweigh
 * reconstruction by ~10^4. L_S is the mean per-pixel softmax loss; adversarial terms are batch means of critic
 * scores; every norm in L_R is a per-image Euclidean norm, averaged over the batch.
 */
public final class Losses {
    /** Keeps sqrt differentiable at 0. */
    static final float EPS = 1e-8f;

    private Losses() {
    }

    /** L_I = mean_n sum_{c,y,x} w(y,x) |I - Y|; {@code weights} [N,1,H,W] = 1 on known pixels, 0.99^d in the hole. */
    public static NDArray reconstruction(NDArray raw, NDArray target, NDArray weights) {
        long n = raw.getShape().get(0);
        return raw.sub(target).abs().mul(weights).sum().div((float) n);
    }

    /** L_S: per-pixel softmax cross-entropy of S(X) against argmax S(Y) (no gradient through the labels). */
    public static NDArray parsing(NDArray logitsX, NDArray logitsY) {
        int k = Math.toIntExact(logitsX.getShape().get(1));
        try (NDArray labels = logitsY.stopGradient().argMax(1)) {
            NDArray oneHot = labels.oneHot(k).transpose(0, 3, 1, 2);
            return logitsX.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
        }
    }

    /** Critic hinge loss: mean relu(1 - D(real)) + mean relu(1 + D(fake)). */
    public static NDArray criticHinge(NDArray real, NDArray fake) {
        return Activation.relu(real.neg().add(1f)).mean().add(Activation.relu(fake.add(1f)).mean());
    }

    /** Generator's adversarial term: -mean D(fake). */
    public static NDArray generatorAdversarial(NDArray fake) {
        return fake.mean().neg();
    }

    /** Per-image Euclidean norm of a - b, shape [N]. */
    public static NDArray rowNorm(NDArray a, NDArray b) {
        NDArray d = a.sub(b);
        long n = d.getShape().get(0);
        return d.reshape(n, -1).square().sum(new int[] {1}).add(EPS).sqrt();
    }

    /**
     * L_R (eq. 5 and its ablations). rlX/rlY: R_l feature maps of inpainted and ground truth; rhX/rhY: R_h
     * embeddings [N,128]; fid: the identity centres [N,128] of each sample; fneg: another identity's centre (triplet).
     */
    public static NDArray identity(IdentityLoss kind, NDArray rlX, NDArray rlY, NDArray rhX, NDArray rhY,
                                   NDArray fid, NDArray fneg, float tripletMargin) {
        return identity(kind, rlX, rlY, rhX, rhY, fid, fneg, tripletMargin, ALPHA_LOW, ALPHA_HIGH, BETA);
    }

    /** The paper's alpha_l, alpha_h and beta of eq. 5. */
    public static final float ALPHA_LOW = 0.5f, ALPHA_HIGH = 0.05f, BETA = 0.5f;

    /** L_R with explicit alpha_l, alpha_h and beta (the third term's weight, for every identity-loss kind). */
    public static NDArray identity(IdentityLoss kind, NDArray rlX, NDArray rlY, NDArray rhX, NDArray rhY,
                                   NDArray fid, NDArray fneg, float tripletMargin, float alphaLow, float alphaHigh,
                                   float beta) {
        NDArray low = rowNorm(rlX, rlY.stopGradient()).mean().mul(alphaLow);
        NDArray high = rowNorm(rhX, rhY.stopGradient()).mean().mul(alphaHigh);
        NDArray third = switch (kind) {
            case DIVERSITY -> Activation.relu(rowNorm(rhX, fid).sub(rowNorm(rhY.stopGradient(), fid))).mean().mul(beta);
            case TRIPLET -> Activation.relu(rowNorm(rhX, fid).sub(rowNorm(rhX, fneg)).add(tripletMargin)).mean()
                    .mul(beta);
            case CENTER -> rhX.sub(fid).square().sum(new int[] {1}).mean().mul(beta / 2);
            case NONE -> throw new IllegalArgumentException("identity loss NONE has no L_R");
        };
        return low.add(high).add(third);
    }
}
