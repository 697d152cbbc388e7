package io.unveil.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * A 2-D convolution with TensorFlow semantics on the PyTorch engine: square kernel, stride, 'same' (asymmetric,
 * done explicitly with {@link TfPadding}) or 'valid' padding, optional bias, and {@code groups} (groups = channels
 * is a depthwise conv). Weights come from a TF manifest via {@link #load}; parameters are frozen (inference only).
 */
public class TfConv2d extends AbstractBlock {
    public enum Padding { SAME, VALID }

    private final int kernel;
    private final int stride;
    private final Padding padding;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param withBias whether a bias parameter exists (loaded by {@link #load})
     * @param groups   1 for a normal conv, channels for a depthwise conv
     */
    public TfConv2d(int kernel, int stride, Padding padding, int groups, boolean withBias) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.groups = groups;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optRequiresGrad(false).build());
        this.bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optRequiresGrad(false).build()) : null;
    }

    /** A plain conv: {@code filter} HWIO, {@code bias} [out] (may be null when the block has none). */
    public TfConv2d load(NDManager m, WeightTensor filter, WeightTensor biasTensor) {
        if (groups != 1) throw new IllegalStateException("use loadDepthwise for a grouped conv");
        checkKernel(filter);
        TfWeights.set(weight, TfWeights.conv(m, filter));
        setBias(m, biasTensor);
        return this;
    }

    /** A depthwise conv: {@code filter} [kh,kw,C,1]. */
    public TfConv2d loadDepthwise(NDManager m, WeightTensor filter, WeightTensor biasTensor) {
        checkKernel(filter);
        if (filter.shape()[2] * filter.shape()[3] != groups)
            throw new ModelFetchException(filter + ": depthwise filter does not match groups=" + groups);
        TfWeights.set(weight, TfWeights.depthwise(m, filter));
        setBias(m, biasTensor);
        return this;
    }

    /** Loads {@code prefix/filters} and {@code prefix/bias} (face-api's naming). */
    public TfConv2d load(NDManager m, Map<String, WeightTensor> w, String prefix) {
        return load(m, TfWeights.require(w, prefix + "/filters", kernel, kernel, -1, -1),
                bias == null ? null : TfWeights.require(w, prefix + "/bias", -1));
    }

    private void setBias(NDManager m, WeightTensor biasTensor) {
        if (bias == null) {
            if (biasTensor != null) throw new IllegalStateException("block was built without bias");
            return;
        }
        if (biasTensor == null) throw new IllegalStateException("block needs a bias tensor");
        TfWeights.set(bias, TfWeights.raw(m, biasTensor));
    }

    private void checkKernel(WeightTensor filter) {
        if (filter.shape().length != 4 || filter.shape()[0] != kernel || filter.shape()[1] != kernel)
            throw new ModelFetchException(filter + ": expected a " + kernel + "x" + kernel + " filter");
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
        return new NDList(apply(x, w, b));
    }

    /** The convolution itself, usable without the block machinery. */
    public NDArray apply(NDArray x, NDArray w, NDArray b) {
        Shape st = new Shape(stride, stride);
        if (padding == Padding.SAME) {
            Shape s = x.getShape();
            int[] ph = TfPadding.same((int) s.get(s.dimension() - 2), kernel, stride);
            int[] pw = TfPadding.same((int) s.get(s.dimension() - 1), kernel, stride);
            if (ph[0] == ph[1] && pw[0] == pw[1]) // symmetric: let the convolution pad, no copy
                return Conv2d.conv2d(x, w, b, st, new Shape(ph[0], pw[0]), new Shape(1, 1), groups).singletonOrThrow();
            NDArray in = TfPadding.pad(x, ph[0], ph[1], pw[0], pw[1], 0);
            NDArray out = Conv2d.conv2d(in, w, b, st, new Shape(0, 0), new Shape(1, 1), groups).singletonOrThrow();
            in.close();
            return out;
        }
        return Conv2d.conv2d(x, w, b, st, new Shape(0, 0), new Shape(1, 1), groups).singletonOrThrow();
    }

    public int outSize(int in) {
        return padding == Padding.SAME ? TfPadding.sameOut(in, stride) : TfPadding.validOut(in, kernel, stride);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long outC = weight.isInitialized() ? weight.getArray().getShape().get(0) : -1;
        return new Shape[]{new Shape(in.get(0), outC, outSize((int) in.get(2)), outSize((int) in.get(3)))};
    }
}
