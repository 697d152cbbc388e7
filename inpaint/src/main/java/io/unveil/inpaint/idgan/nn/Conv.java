package io.unveil.inpaint.idgan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A 2-D convolution over {@link Params}, optionally spectrally normalised (Miyato et al. 2018: the weight is divided
 * by its largest singular value, estimated by one power iteration per training step with a persistent vector u).
 * Spectral normalisation keeps the critics 1-Lipschitz without the gradient penalty's second-order gradients.
 */
public final class Conv {
    private final Params params;
    private final String name;
    private final int kernel;
    private final int stride;
    private final int dilation;
    private final int padding;
    private final boolean spectral;
    private final int outChannels;

    public Conv(Params params, String name, int in, int out, int kernel, int stride, int dilation, boolean spectral) {
        this(params, name, in, out, kernel, stride, dilation, dilation * (kernel - 1) / 2, spectral);
    }

    public Conv(Params params, String name, int in, int out, int kernel, int stride, int dilation, int padding,
                boolean spectral) {
        this.params = params;
        this.name = name;
        this.kernel = kernel;
        this.stride = stride;
        this.dilation = dilation;
        this.padding = padding;
        this.spectral = spectral;
        this.outChannels = out;
        params.heNormal(name + ".w", new Shape(out, in, kernel, kernel), 1f);
        params.zeros(name + ".b", new Shape(out));
        if (spectral) params.state(name + ".u", new Shape(out, 1));
    }

    public NDArray forward(NDArray x, boolean training) {
        NDArray w = params.get(name + ".w");
        if (spectral) w = normalised(x, w, training);
        return Conv2d.conv2d(x, w, params.get(name + ".b"), new Shape(stride, stride), new Shape(padding, padding),
                new Shape(dilation, dilation)).singletonOrThrow();
    }

    private NDArray normalised(NDArray x, NDArray w, boolean training) {
        NDArray uState = params.stateTensor(name + ".u");
        NDArray w2 = w.reshape(outChannels, -1);
        w2.attach(x.getManager());
        NDArray wd = w2.stopGradient();
        NDArray v = wd.transpose().matMul(uState);
        v = v.div(v.norm().add(1e-12f));
        NDArray u = wd.matMul(v);
        u = u.div(u.norm().add(1e-12f));
        if (training) uState.set(u.toFloatArray());
        NDArray sigma = u.transpose().matMul(w2).matMul(v).reshape(new Shape());
        NDArray out = w.div(sigma);
        out.attach(x.getManager());
        return out;
    }
}
