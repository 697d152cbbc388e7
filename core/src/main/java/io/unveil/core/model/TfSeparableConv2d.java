package io.unveil.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * TF {@code separableConv2d(x, depthwise, pointwise, stride, padding) + bias}: a depthwise conv (groups = channels,
 * padding as TF does it) followed by a 1x1 pointwise conv with bias. Weights: {@code prefix/depthwise_filter}
 * [k,k,C,1], {@code prefix/pointwise_filter} [1,1,C,out], {@code prefix/bias} [out].
 */
public class TfSeparableConv2d extends AbstractBlock {
    private final TfConv2d depthwise;
    private final TfConv2d pointwise;

    public TfSeparableConv2d(int channelsIn, int kernel, int stride, TfConv2d.Padding padding) {
        depthwise = addChildBlock("depthwise", new TfConv2d(kernel, stride, padding, channelsIn, false));
        pointwise = addChildBlock("pointwise", new TfConv2d(1, 1, TfConv2d.Padding.VALID, 1, true));
    }

    public TfSeparableConv2d load(NDManager m, Map<String, WeightTensor> w, String prefix) {
        depthwise.loadDepthwise(m, TfWeights.require(w, prefix + "/depthwise_filter", -1, -1, -1, 1), null);
        pointwise.load(m, TfWeights.require(w, prefix + "/pointwise_filter", 1, 1, -1, -1),
                TfWeights.require(w, prefix + "/bias", -1));
        return this;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList d = depthwise.forward(ps, inputs, training, params);
        return pointwise.forward(ps, d, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return pointwise.getOutputShapes(depthwise.getOutputShapes(inputShapes));
    }

    /** Convenience for nets that call the block directly during inference. */
    public NDArray forward(ParameterStore ps, NDArray x) {
        return forward(ps, new NDList(x), false, null).singletonOrThrow();
    }
}
