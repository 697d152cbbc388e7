package io.unveil.inpaint.idgan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;

/** Small tensor operations the networks share (NCHW layout). */
public final class Ops {
    private Ops() {
    }

    /** Nearest-neighbour 2x upsampling by reshape + broadcast (this engine has no transposed convolution). */
    public static NDArray upsample2x(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        return x.reshape(n, c, h, 1, w, 1).broadcast(new Shape(n, c, h, 2, w, 2)).reshape(n, c, h * 2, w * 2);
    }

    /** 2x average-pool downsampling. */
    public static NDArray downsample2x(NDArray x) {
        return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
    }

    public static NDArray lrelu(NDArray x) {
        return Activation.leakyRelu(x, 0.2f);
    }

    public static NDArray elu(NDArray x) {
        return Activation.elu(x, 1f);
    }
}
