package io.unveil.inpaint.idgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.inpaint.idgan.nn.Conv;
import io.unveil.inpaint.idgan.nn.Ops;
import io.unveil.inpaint.idgan.nn.Params;
import io.unveil.inpaint.prior.FacePrior;
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
 *
 * <p>A <em>prior</em> generator also gets the face with its hole filled by the PCA face prior ({@link FacePrior}: the
 * eigenface model fitted to the visible pixels), 3 more input channels after the others. The plain network has to
 * invent a nose, mouth and chin from context through dilated convolutions and drew a skin-toned plaid instead; the
 * prior puts them where an aligned face has them, shaded like the visible rest, and the network refines that (texture,
 * sharpness, identity through L_R). Channel layout: X~, M [, flip(X~), flip(M)] [, prior-filled X~]; a file with fewer
 * inputs loads into a generator with more (the extra first-layer weights start at zero).
 */
public final class Generator {
    public static final int SIZE = 128;
    public static final int PLAIN_INPUTS = 4;
    public static final int MIRROR_INPUTS = 8;
    public static final int PRIOR_INPUTS = 3;

    private final Params params;
    private final int width;
    private final boolean mirror;
    private final FacePrior prior;
    private final Conv e1, e2, e3, e4, d1, d2, d3, d4, u1, u2, u3, out;

    public Generator(NDManager manager, int width, long seed) {
        this(manager, width, seed, false);
    }

    public Generator(NDManager manager, int width, long seed, boolean mirror) {
        this(manager, width, seed, mirror, null);
    }

    /** @param prior the face prior whose completion is an extra input, or null for none */
    public Generator(NDManager manager, int width, long seed, boolean mirror, FacePrior prior) {
        this.params = new Params(manager, seed);
        this.width = width;
        this.mirror = mirror;
        this.prior = prior;
        int w = width;
        e1 = new Conv(params, "e1", inputs(mirror, prior != null), w, 5, 1, 1, false);
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

    /** The face prior this generator takes as input, or null. */
    public FacePrior prior() {
        return prior;
    }

    static int inputs(boolean mirror, boolean prior) {
        return (mirror ? MIRROR_INPUTS : PLAIN_INPUTS) + (prior ? PRIOR_INPUTS : 0);
    }

    /** Width and input channels of a generator weight file, from its first tensor (e1.w = [w, inputs, 5, 5]). */
    public record Header(int width, int inputs) {
        public boolean mirror() {
            return inputs == MIRROR_INPUTS || inputs == MIRROR_INPUTS + PRIOR_INPUTS;
        }

        public boolean prior() {
            return inputs == PLAIN_INPUTS + PRIOR_INPUTS || inputs == MIRROR_INPUTS + PRIOR_INPUTS;
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
        if (inputs != PLAIN_INPUTS && inputs != MIRROR_INPUTS && inputs != PLAIN_INPUTS + PRIOR_INPUTS
                && inputs != MIRROR_INPUTS + PRIOR_INPUTS)
            throw new IOException("generator weight file with " + inputs + " input channels (expected 4, 7, 8 or 11)");
        return new Header(width, inputs);
    }

    /** A generator shaped by its weight file; a prior generator gets the committed face prior. */
    public static Generator load(NDManager manager, byte[] weights) throws IOException {
        Header h = header(weights);
        Generator g = new Generator(manager, h.width(), 0, h.mirror(), h.prior() ? FacePrior.bundled() : null);
        g.load(weights);
        return g;
    }

    /**
     * Loads weights of the same shape, or those of a generator with fewer inputs (plain into mirror or prior, mirror
     * into mirror + prior): the extra channels' first-layer weights start at zero, so the network starts out computing
     * exactly what the smaller one did and fine-tuning learns how much of the new inputs to use.
     */
    public void load(byte[] weights) throws IOException {
        Header h = header(weights);
        if (h.width() != width) throw new IOException("generator width " + h.width() + " in the file, " + width + " here");
        int here = inputs(mirror, prior != null);
        if (h.inputs() == here) {
            params.load(new ByteArrayInputStream(weights));
            return;
        }
        // the file's channels must be a prefix of this layout (the new ones are zero-padded at the end)
        if ((h.mirror() && !mirror) || (h.prior() && prior == null) || (h.prior() && mirror && !h.mirror()))
            throw new IOException("a generator file with " + h.inputs() + " inputs cannot load into one with " + here);
        try (NDManager tmp = params.manager().newSubManager()) {
            Generator plain = new Generator(tmp, width, 0, h.mirror(), h.prior() ? prior : null);
            plain.params.load(new ByteArrayInputStream(weights));
            for (var e : plain.params.tensors().entrySet()) {
                NDArray src = e.getValue();
                if (e.getKey().equals("e1.w")) {
                    Shape s = src.getShape();
                    src = NDArrays.concat(new NDList(src, tmp.zeros(new Shape(s.get(0), here - h.inputs(),
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

    /**
     * This network's input: X~ and M (4 channels), then for a mirror generator X~ and M flipped left-right, then for
     * a prior generator the face with the hole filled by the prior (computed on the CPU from the visible pixels; no
     * gradient flows into it).
     */
    public NDArray input(NDArray faces, NDArray masks) {
        NDArray filled = filled(faces, masks);
        NDList parts = new NDList(filled, masks);
        if (mirror) {
            parts.add(filled.flip(3));
            parts.add(masks.flip(3));
        }
        if (prior != null) parts.add(priorFilled(faces, masks));
        return NDArrays.concat(parts, 1);
    }

    /** The faces with their holes filled by the face prior, [N,3,H,W]; reads only the visible pixels. */
    private NDArray priorFilled(NDArray faces, NDArray masks) {
        int n = Math.toIntExact(faces.getShape().get(0));
        int plane = SIZE * SIZE;
        float[] x = filled(faces, masks).toFloatArray();
        float[] m = masks.toFloatArray();
        float[] out = new float[x.length];
        for (int i = 0; i < n; i++) {
            float[] f = java.util.Arrays.copyOfRange(x, i * 3 * plane, (i + 1) * 3 * plane);
            float[] mk = java.util.Arrays.copyOfRange(m, i * plane, (i + 1) * plane);
            System.arraycopy(prior.fill(f, mk), 0, out, i * 3 * plane, 3 * plane);
        }
        return faces.getManager().create(out, faces.getShape());
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
