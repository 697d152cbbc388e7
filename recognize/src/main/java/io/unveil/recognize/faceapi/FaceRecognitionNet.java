package io.unveil.recognize.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.unveil.core.model.ModelFetchException;
import io.unveil.core.model.TfWeights;
import io.unveil.core.model.WeightTensor;
import io.unveil.core.model.NetworkWeights;
import io.unveil.core.model.WeightFile;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dlib ResNet-29 face recognizer as face-api implements it ({@code src/faceRecognitionNet}), a DJL block.
 *
 * <p>Input: {@code (N,3,150,150)} float, already normalised as face-api does ({@code (rgb - mean)/255}, see
 * {@link FaceApiPreprocessor}). Outputs: {@code [0]} the 128-D descriptor {@code (N,128)} (not L2-normalised; norms
 * are about 1.3-1.6; compare with Euclidean distance, face-api's threshold 0.6), {@code [1]} the low-level feature map
 * after the conv32 residual stage, {@code (N,32,35,35)} (R_l for ID-GAN's recognition loss).
 *
 * <p>Layers: conv32_down 7x7/2 'valid' + ReLU (150->72), max-pool 3x3/2 'valid' (->35), residual x3 (32), residualDown
 * to 64 (->17), residual x3, residualDown to 128 (->8), residual x2, residualDown to 256 (->3, padded to 4), residual
 * x2, residualDown 256 (->1, padded to 2), global mean, fc 256->128 without bias.
 */
public final class FaceRecognitionNet extends AbstractBlock {
    public static final int INPUT_SIZE = 150;
    public static final int DESCRIPTOR_SIZE = 128;
    /** Shape of R_l for one face: channels, height, width. */
    public static final Shape LOW_FEATURES = new Shape(32, 35, 35);

    private final ConvLayer conv32Down;
    private final ResidualBlock[] conv32;
    private final ResidualDownBlock conv64Down;
    private final ResidualBlock[] conv64;
    private final ResidualDownBlock conv128Down;
    private final ResidualBlock[] conv128;
    private final ResidualDownBlock conv256Down;
    private final ResidualBlock[] conv256;
    private final ResidualDownBlock conv256DownOut;
    private final Linear fc;

    public FaceRecognitionNet() {
        conv32Down = addChildBlock("conv32_down", new ConvLayer("conv32_down", 7, 32, 2, 0, true));
        conv32 = residuals("conv32", 32, 3);
        conv64Down = addChildBlock("conv64_down", new ResidualDownBlock("conv64_down", 32, 64));
        conv64 = residuals("conv64", 64, 3);
        conv128Down = addChildBlock("conv128_down", new ResidualDownBlock("conv128_down", 64, 128));
        conv128 = residuals("conv128", 128, 2);
        conv256Down = addChildBlock("conv256_down", new ResidualDownBlock("conv256_down", 128, 256));
        conv256 = residuals("conv256", 256, 2);
        conv256DownOut = addChildBlock("conv256_down_out", new ResidualDownBlock("conv256_down_out", 256, 256));
        fc = addChildBlock("fc", Linear.builder().setUnits(DESCRIPTOR_SIZE).optBias(false).build());
    }

    private ResidualBlock[] residuals(String prefix, int channels, int count) {
        ResidualBlock[] blocks = new ResidualBlock[count];
        for (int i = 0; i < count; i++) {
            String name = prefix + "_" + (i + 1);
            blocks[i] = addChildBlock(name, new ResidualBlock(name, channels));
        }
        return blocks;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long[] s = x.getShape().getShape();
        if (s.length != 4 || s[1] != 3 || s[2] != INPUT_SIZE || s[3] != INPUT_SIZE)
            throw new IllegalArgumentException("FaceRecognitionNet expects (N,3,150,150), got " + x.getShape());
        NDList out = conv32Down.forward(ps, inputs, training, params);
        out = new NDList(Pool.maxPool2d(out.singletonOrThrow(), new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), false));
        out = run(conv32, ps, out, training, params);
        NDArray low = out.singletonOrThrow();
        out = conv64Down.forward(ps, out, training, params);
        out = run(conv64, ps, out, training, params);
        out = conv128Down.forward(ps, out, training, params);
        out = run(conv128, ps, out, training, params);
        out = conv256Down.forward(ps, out, training, params);
        out = run(conv256, ps, out, training, params);
        out = conv256DownOut.forward(ps, out, training, params);
        NDArray last = out.singletonOrThrow();
        long[] ls = last.getShape().getShape();
        NDArray pooled = last.reshape(ls[0], ls[1], ls[2] * ls[3]).mean(new int[]{2});
        NDArray descriptor = fc.forward(ps, new NDList(pooled), training, params).singletonOrThrow();
        return new NDList(descriptor, low);
    }

    private static NDList run(ResidualBlock[] blocks, ParameterStore ps, NDList x, boolean training, PairList<String, Object> params) {
        for (ResidualBlock b : blocks) x = b.forward(ps, x, training, params);
        return x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[]{new Shape(n, DESCRIPTOR_SIZE), new Shape(n, 32, 35, 35)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        s = init(conv32Down, manager, dataType, s);
        s = new Shape(s.get(0), s.get(1), (s.get(2) - 3) / 2 + 1, (s.get(3) - 3) / 2 + 1);
        for (Block b : conv32) s = init(b, manager, dataType, s);
        s = init(conv64Down, manager, dataType, s);
        for (Block b : conv64) s = init(b, manager, dataType, s);
        s = init(conv128Down, manager, dataType, s);
        for (Block b : conv128) s = init(b, manager, dataType, s);
        s = init(conv256Down, manager, dataType, s);
        for (Block b : conv256) s = init(b, manager, dataType, s);
        s = init(conv256DownOut, manager, dataType, s);
        fc.initialize(manager, dataType, new Shape(s.get(0), s.get(1)));
    }

    private static Shape init(Block b, NDManager manager, DataType dataType, Shape in) {
        b.initialize(manager, dataType, in);
        return b.getOutputShapes(new Shape[]{in})[0];
    }

    /**
     * Loads the face-api weights (after {@link #initialize}); every tensor of the manifest must be used, and every
     * parameter set. Parameters are frozen afterwards: no gradient is ever computed for them.
     */
    public void loadWeights(Map<String, WeightTensor> weights) {
        Set<String> used = new HashSet<>();
        conv32Down.load(weights, used);
        for (ResidualBlock b : conv32) b.load(weights, used);
        conv64Down.load(weights, used);
        for (ResidualBlock b : conv64) b.load(weights, used);
        conv128Down.load(weights, used);
        for (ResidualBlock b : conv128) b.load(weights, used);
        conv256Down.load(weights, used);
        for (ResidualBlock b : conv256) b.load(weights, used);
        conv256DownOut.load(weights, used);
        WeightTensor w = ConvLayer.take(weights, used, "fc");
        if (w.shape().length != 2 || w.shape()[0] != 256 || w.shape()[1] != DESCRIPTOR_SIZE)
            throw new ModelFetchException("fc: expected [256,128], got " + w);
        ConvLayer.set(fc.getParameters().get("weight"), TfWeights.permute(w.data(), w.shape(), 1, 0));
        Set<String> unused = new TreeSet<>(weights.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) throw new ModelFetchException("face recognition weights not used by the network: " + unused);
        freezeParameters(true);
    }

    /**
     * Adds a fine-tuning delta to the loaded weights: each tensor is named as the block's DJL parameter (e.g.
     * {@code 03conv64_down_01conv1_01conv_weight}) and has its shape; parameters without a tensor keep their values.
     * Used for the occlusion-robust recognizer, stored as its difference to face-api's weights.
     */
    public void addDelta(List<WeightFile.Tensor> delta) {
        Map<String, NDArray> arrays = NetworkWeights.arrays(this);
        for (WeightFile.Tensor t : delta) {
            NDArray a = arrays.get(t.name());
            if (a == null) throw new ModelFetchException("recognizer delta has unknown tensor " + t.name());
            if (!a.getShape().equals(new Shape(t.dims())))
                throw new ModelFetchException("recognizer delta tensor " + t.name() + " has shape " + new Shape(t.dims())
                        + ", the network " + a.getShape());
            float[] v = a.toFloatArray();
            float[] d = t.values();
            for (int i = 0; i < v.length; i++) v[i] += d[i];
            io.unveil.core.model.ArrayCopy.into(a, v);
        }
    }
}
