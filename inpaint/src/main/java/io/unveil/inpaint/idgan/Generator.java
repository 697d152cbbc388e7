package io.unveil.inpaint.idgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.unveil.inpaint.idgan.nn.Conv;
import io.unveil.inpaint.idgan.nn.Ops;
import io.unveil.inpaint.idgan.nn.Params;

/**
 * The inpainting network I (paper section III-A): input = RGB face in [0,1] with the hole pre-filled white plus the
 * mask (4 channels, 128x128); encoder of stride-2 convolutions (128 -> 64 -> 32), a middle of dilated 3x3
 * convolutions (dilation 2, 4, 8, 16) that gives the 32x32 bottleneck a receptive field covering the whole face,
 * decoder by nearest upsampling + 3x3 convolution (no transposed convolution on this engine), output in [0,1].
 * {@link #inpaint} composites X = M*I(X~,M) + (1-M)*X~, so known pixels pass through unchanged.
 *
 * <p>Width w sets the channels (w, 2w, 4w). w = 16 (~0.2 M parameters, ~0.36 GMAC per face) trains on two shared CPU
 * cores and serves > 30 faces/s there; GPUs can take w = 64.
 */
public final class Generator {
    public static final int SIZE = 128;

    private final Params params;
    private final int width;
    private final Conv e1, e2, e3, e4, d1, d2, d3, d4, u1, u2, u3, out;

    public Generator(NDManager manager, int width, long seed) {
        this.params = new Params(manager, seed);
        this.width = width;
        int w = width;
        e1 = new Conv(params, "e1", 4, w, 5, 1, 1, false);
        e2 = new Conv(params, "e2", w, 2 * w, 3, 2, 1, 1, false);
        e3 = new Conv(params, "e3", 2 * w, 4 * w, 3, 2, 1, 1, false);
        e4 = new Conv(params, "e4", 4 * w, 4 * w, 3, 1, 1, false);
        d1 = new Conv(params, "d1", 4 * w, 4 * w, 3, 1, 2, false);
        d2 = new Conv(params, "d2", 4 * w, 4 * w, 3, 1, 4, false);
        d3 = new Conv(params, "d3", 4 * w, 4 * w, 3, 1, 8, false);
        d4 = new Conv(params, "d4", 4 * w, 4 * w, 3, 1, 16, false);
        u1 = new Conv(params, "u1", 4 * w, 2 * w, 3, 1, 1, false);
        u2 = new Conv(params, "u2", 2 * w + 2 * w, 2 * w, 3, 1, 1, false);
        u3 = new Conv(params, "u3", 2 * w, w, 3, 1, 1, false);
        out = new Conv(params, "out", w, 3, 3, 1, 1, false);
    }

    public Params params() {
        return params;
    }

    public int width() {
        return width;
    }

    /** Raw output I(X~, M) in [0,1]; {@code input} = [N,4,128,128] (RGB with hole filled white, then mask). */
    public NDArray raw(NDArray input, boolean training) {
        NDArray x = Ops.elu(e1.forward(input, training));
        NDArray s64 = Ops.elu(e2.forward(x, training));
        x = Ops.elu(e3.forward(s64, training));
        x = Ops.elu(e4.forward(x, training));
        x = Ops.elu(d1.forward(x, training));
        x = Ops.elu(d2.forward(x, training));
        x = Ops.elu(d3.forward(x, training));
        x = Ops.elu(d4.forward(x, training));
        x = Ops.elu(u1.forward(Ops.upsample2x(x), training));
        x = Ops.elu(u2.forward(NDArrays.concat(new NDList(x, s64), 1), training));
        x = Ops.elu(u3.forward(Ops.upsample2x(x), training));
        return out.forward(x, training).tanh().add(1f).mul(0.5f);
    }

    /** Builds the 4-channel input from faces [N,3,H,W] in [0,1] and masks [N,1,H,W] (1 = hole). */
    public static NDArray input(NDArray faces, NDArray masks) {
        NDArray filled = faces.mul(masks.sub(1f).neg()).add(masks);
        return NDArrays.concat(new NDList(filled, masks), 1);
    }

    /** X = M*I + (1-M)*X~. */
    public static NDArray composite(NDArray raw, NDArray faces, NDArray masks) {
        return raw.mul(masks).add(faces.mul(masks.sub(1f).neg()));
    }

    public NDArray inpaint(NDArray faces, NDArray masks, boolean training) {
        return composite(raw(input(faces, masks), training), faces, masks);
    }
}
