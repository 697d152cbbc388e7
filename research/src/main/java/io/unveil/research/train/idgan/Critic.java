package io.unveil.research.train.idgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unveil.inpaint.idgan.nn.Conv;
import io.unveil.inpaint.idgan.nn.Ops;
import io.unveil.inpaint.idgan.nn.Params;

/**
 * A critic D (global on the whole 128x128 face, local on the 64x64 hole crop): stride-2 5x5 spectrally normalised
 * convolutions down to 8x8 (global) or 4x4 (local), then a spectrally normalised full-size convolution to one score.
 *
 * <p>Adversarial loss choice: hinge loss with spectral normalisation, not WGAN-GP. The gradient penalty needs
 * second-order gradients, reachable on this engine only through DJL's internal JniUtils.backward(createGraph) and
 * about doubling the critic step's cost; spectral normalisation gives the same Lipschitz control with one extra
 * matrix-vector product per layer, which matters on two shared CPU cores.
 */
public final class Critic {
    private final Params params;
    private final Conv[] convs;
    private final Conv head;

    public Critic(NDManager manager, int inputSize, int width, long seed) {
        params = new Params(manager, seed);
        int layers = inputSize == 128 ? 4 : 4;
        convs = new Conv[layers];
        int in = 3;
        int c = width;
        for (int i = 0; i < layers; i++) {
            convs[i] = new Conv(params, "c" + i, in, c, 5, 2, 1, 2, true);
            in = c;
            c = Math.min(c * 2, width * 8);
        }
        int side = inputSize >> layers;
        head = new Conv(params, "head", in, 1, side, 1, 1, 0, true);
    }

    public Params params() {
        return params;
    }

    /** Scores [N] for images [N,3,S,S] in [0,1]. */
    public NDArray score(NDArray images, boolean training) {
        NDArray x = images.mul(2f).sub(1f);
        for (Conv c : convs) x = Ops.lrelu(c.forward(x, training));
        return head.forward(x, training).reshape(-1);
    }
}
