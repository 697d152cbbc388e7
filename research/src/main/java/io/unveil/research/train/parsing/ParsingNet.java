package io.unveil.research.train.parsing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.unveil.inpaint.idgan.nn.Conv;
import io.unveil.inpaint.idgan.nn.Ops;
import io.unveil.inpaint.idgan.nn.Params;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The structure network S: a small U-Net (128 -> 64 -> 32 and back with skip concatenations) giving per-pixel logits
 * over {@link FaceParts#COUNT} face parts for faces [N,3,128,128] in [0,1]. Trained on landmark-derived labels
 * ({@code unveil train parsing}), frozen while ID-GAN trains.
 */
public final class ParsingNet {
    public static final int WIDTH = 8;
    public static final String RESOURCE = "/io/unveil/research/train/parsing/parsing-net.bin";

    private final Params params;
    private final Conv c1, c2, c3, c4, u1, u2, head;

    public ParsingNet(NDManager manager, int width, long seed) {
        params = new Params(manager, seed);
        int w = width;
        c1 = new Conv(params, "c1", 3, w, 3, 1, 1, false);
        c2 = new Conv(params, "c2", w, 2 * w, 3, 2, 1, 1, false);
        c3 = new Conv(params, "c3", 2 * w, 4 * w, 3, 2, 1, 1, false);
        c4 = new Conv(params, "c4", 4 * w, 4 * w, 3, 1, 2, false);
        u1 = new Conv(params, "u1", 4 * w + 2 * w, 2 * w, 3, 1, 1, false);
        u2 = new Conv(params, "u2", 2 * w + w, w, 3, 1, 1, false);
        head = new Conv(params, "head", w, FaceParts.COUNT, 1, 1, 1, false);
    }

    public Params params() {
        return params;
    }

    public NDArray logits(NDArray faces, boolean training) {
        NDArray x = faces.sub(0.5f).mul(2f);
        NDArray s1 = Ops.elu(c1.forward(x, training));
        NDArray s2 = Ops.elu(c2.forward(s1, training));
        NDArray b = Ops.elu(c3.forward(s2, training));
        b = Ops.elu(c4.forward(b, training));
        NDArray y = Ops.elu(u1.forward(NDArrays.concat(new NDList(Ops.upsample2x(b), s2), 1), training));
        y = Ops.elu(u2.forward(NDArrays.concat(new NDList(Ops.upsample2x(y), s1), 1), training));
        return head.forward(y, training);
    }

    /** Loads weights from a file, or from the committed resource when {@code file} is null. */
    public static ParsingNet load(NDManager manager, Path file) {
        ParsingNet net = new ParsingNet(manager, WIDTH, 0);
        try (InputStream in = file != null ? Files.newInputStream(file) : ParsingNet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("no parsing-net weights: train them with `unveil train parsing`"
                    + " or pass a weight file");
            net.params.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load parsing-net weights " + (file != null ? file : RESOURCE), e);
        }
        return net;
    }
}
