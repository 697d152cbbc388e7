package io.unveil.recognize.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.unveil.core.model.ModelFetchException;
import io.unveil.core.model.TfWeights;
import io.unveil.core.model.WeightTensor;
import java.util.Map;
import java.util.Set;

/**
 * face-api's {@code convLayer}: conv + bias, then the per-channel affine {@code x*scale/weights + scale/biases} (a
 * folded batch norm), then an optional ReLU. The affine is folded into the conv weights when loading
 * ({@code W' = W*s}, {@code b' = b*s + t}), so the forward pass is one convolution.
 */
final class ConvLayer extends AbstractBlock {
    private final String prefix;
    private final int kernel;
    private final int stride;
    private final int pad;
    private final boolean relu;
    private final Conv2d conv;

    ConvLayer(String prefix, int kernel, int filters, int stride, int pad, boolean relu) {
        this.prefix = prefix;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.relu = relu;
        this.conv = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .optBias(true)
                .build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray out = conv.forward(ps, inputs, training, params).singletonOrThrow();
        return new NDList(relu ? Activation.relu(out) : out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }

    /** Loads {@code prefix/conv/filters|bias} and {@code prefix/scale/weights|biases}, folding the affine. */
    void load(Map<String, WeightTensor> weights, Set<String> used) {
        WeightTensor filters = take(weights, used, prefix + "/conv/filters");
        TfWeights.require(weights, prefix + "/conv/filters", kernel, kernel, -1, -1);
        float[] bias = take(weights, used, prefix + "/conv/bias").data();
        float[] scale = take(weights, used, prefix + "/scale/weights").data();
        float[] shift = take(weights, used, prefix + "/scale/biases").data();
        int[] s = filters.shape();
        if (s[0] != kernel || s[1] != kernel || s[3] != bias.length || scale.length != bias.length || shift.length != bias.length)
            throw new ModelFetchException(prefix + ": unexpected weight shapes " + filters);
        float[] folded = TfWeights.permute(filters.data(), s, 3, 2, 0, 1); // HWIO -> OIHW
        int per = folded.length / bias.length;
        float[] foldedBias = new float[bias.length];
        for (int o = 0; o < bias.length; o++) {
            for (int j = 0; j < per; j++) folded[o * per + j] *= scale[o];
            foldedBias[o] = bias[o] * scale[o] + shift[o];
        }
        set(conv.getParameters().get("weight"), folded);
        set(conv.getParameters().get("bias"), foldedBias);
    }

    static WeightTensor take(Map<String, WeightTensor> weights, Set<String> used, String name) {
        WeightTensor t = weights.get(name);
        if (t == null) throw new ModelFetchException("weights manifest has no tensor " + name);
        used.add(name);
        return t;
    }

    static void set(Parameter p, float[] data) {
        NDArray a = p.getArray();
        if (a.size() != data.length)
            throw new ModelFetchException("parameter " + p.getName() + " " + a.getShape() + " cannot take " + data.length + " values");
        io.unveil.core.model.ArrayCopy.into(a, data);
    }

    int stride() {
        return stride;
    }

    int pad() {
        return pad;
    }
}
