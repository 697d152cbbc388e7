package io.unveil.inpaint.idgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.inpaint.idgan.nn.Conv;
import io.unveil.inpaint.idgan.nn.Ops;
import io.unveil.inpaint.idgan.nn.Params;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The inpainting network I (paper section III-A): input = RGB face in [0,1] with the hole pre-filled white plus the
 * mask (4 channels, 128x128); encoder of stride-2 convolutions (128 -> 64 -> 32), a middle of dilated 3x3
 * convolutions (dilation 2, 4, 8, 16) that gives the 32x32 bottleneck a receptive field covering the whole face,
 * decoder by nearest upsampling + 3x3 convolution (no transposed convolution on this engine), output in [0,1].
 * {@link #inpaint} composites X = M*I(X~,M) + (1-M)*X~, so known pixels pass through unchanged.
 *
 * <p>Width w sets the channels (w, 2w, 4w). w = 16 (~0.2 M parameters, ~0.36 GMAC per face) trains on two shared CPU
 * cores and serves > 30 faces/s there; GPUs can take w = 64.
 *
 * <p>A <em>mirror</em> generator also sees the horizontally flipped face and mask (8 input channels). An aligned face
 * is roughly left-right symmetric, so the flipped input puts the hidden part's counterpart (the other eye, brow or
 * cheek) at the hole's own position, where the first convolutions can use it; a plain network would have to learn
 * that mirror mapping across the face through its receptive field. Where the counterpart is hidden too, the flipped
 * mask says so.
 */
public final class Generator {
    public static final int SIZE = 128;
    public static final int PLAIN_INPUTS = 4;
    public static final int MIRROR_INPUTS = 8;

    private final Params params;
    private final int width;
    private final boolean mirror;
    private final Conv e1, e2, e3, e4, d1, d2, d3, d4, u1, u2, u3, out;

    public Generator(NDManager manager, int width, long seed) {
        this(manager, width, seed, false);
    }

    public Generator(NDManager manager, int width, long seed, boolean mirror) {
        this.params = new Params(manager, seed);
        this.width = width;
        this.mirror = mirror;
        int w = width;
        e1 = new Conv(params, "e1", mirror ? MIRROR_INPUTS : PLAIN_INPUTS, w, 5, 1, 1, false);
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

    public boolean mirror() {
        return mirror;
    }

    /** Width and input channels of a generator weight file, from its first tensor (e1.w = [w, inputs, 5, 5]). */
    public record Header(int width, int inputs) {
        public boolean mirror() {
            return inputs == MIRROR_INPUTS;
        }
    }

    public static Header header(byte[] weights) throws IOException {
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(weights));
        d.readInt();
        d.readInt();
        String name = d.readUTF();
        if (!name.equals("e1.w")) throw new IOException("not a generator weight file (first tensor " + name + ")");
        if (d.readInt() != 4) throw new IOException("not a generator weight file (e1.w is not 4-D)");
        int width = Math.toIntExact(d.readLong());
        int inputs = Math.toIntExact(d.readLong());
        if (inputs != PLAIN_INPUTS && inputs != MIRROR_INPUTS)
            throw new IOException("generator weight file with " + inputs + " input channels (expected 4 or 8)");
        return new Header(width, inputs);
    }

    /** A generator shaped by its weight file. */
    public static Generator load(NDManager manager, byte[] weights) throws IOException {
        Header h = header(weights);
        Generator g = new Generator(manager, h.width(), 0, h.mirror());
        g.load(weights);
        return g;
    }

    /**
     * Loads weights of the same shape, or a plain generator's into this mirror generator: the flipped channels'
     * first-layer weights start at zero, so the network starts out computing exactly what the plain one did and
     * fine-tuning learns how much of the mirror to use.
     */
    public void load(byte[] weights) throws IOException {
        Header h = header(weights);
        if (h.width() != width) throw new IOException("generator width " + h.width() + " in the file, " + width + " here");
        int here = mirror ? MIRROR_INPUTS : PLAIN_INPUTS;
        if (h.inputs() == here) {
            params.load(new ByteArrayInputStream(weights));
            return;
        }
        if (!mirror) throw new IOException("a mirror (8-input) generator file cannot load into a plain generator");
        try (NDManager tmp = params.manager().newSubManager()) {
            Generator plain = new Generator(tmp, width, 0, false);
            plain.params.load(new ByteArrayInputStream(weights));
            for (var e : plain.params.tensors().entrySet()) {
                NDArray src = e.getValue();
                if (e.getKey().equals("e1.w")) {
                    Shape s = src.getShape();
                    src = NDArrays.concat(new NDList(src, tmp.zeros(new Shape(s.get(0), MIRROR_INPUTS - PLAIN_INPUTS,
                            s.get(2), s.get(3)))), 1);
                }
                io.unveil.core.model.ArrayCopy.into(params.get(e.getKey()), src.toFloatArray());
            }
        }
    }

    /** Raw output I(X~, M) in [0,1]; {@code input} from {@link #input}. */
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

    /** The occluded face X~: faces [N,3,H,W] in [0,1] with the hole (masks [N,1,H,W], 1 = hole) filled white. */
    public static NDArray filled(NDArray faces, NDArray masks) {
        return faces.mul(masks.sub(1f).neg()).add(masks);
    }

    /** This network's input: X~ and M (4 channels), then for a mirror generator X~ and M flipped left-right. */
    public NDArray input(NDArray faces, NDArray masks) {
        NDArray filled = filled(faces, masks);
        if (!mirror) return NDArrays.concat(new NDList(filled, masks), 1);
        return NDArrays.concat(new NDList(filled, masks, filled.flip(3), masks.flip(3)), 1);
    }

    /** X = M*I + (1-M)*X~. */
    public static NDArray composite(NDArray raw, NDArray faces, NDArray masks) {
        return raw.mul(masks).add(faces.mul(masks.sub(1f).neg()));
    }

    public NDArray inpaint(NDArray faces, NDArray masks, boolean training) {
        return composite(raw(input(faces, masks), training), faces, masks);
    }

    /**
     * Test-time flip averaging: the mean of I on the face and, flipped back, of I on its mirror image, composited.
     * The network is not exactly left-right equivariant, so the two fills differ in their errors (texture, where a
     * hidden eye's details land); their mean keeps what both agree on. Twice the compute of {@link #inpaint}.
     */
    public NDArray inpaintFlipAveraged(NDArray faces, NDArray masks) {
        NDArray direct = raw(input(faces, masks), false);
        NDArray mirrored = raw(input(faces.flip(3), masks.flip(3)), false).flip(3);
        return composite(direct.add(mirrored).mul(0.5f), faces, masks);
    }
}
