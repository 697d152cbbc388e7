package io.unveil.recognize.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.unveil.core.model.WeightTensor;
import java.util.Map;
import java.util.Set;

/** face-api's {@code residual}: ReLU(conv2(ReLU(conv1(x))) + x), both convs 3x3 stride 1 'same'. */
final class ResidualBlock extends AbstractBlock {
    private final ConvLayer conv1;
    private final ConvLayer conv2;

    ResidualBlock(String prefix, int channels) {
        conv1 = addChildBlock("conv1", new ConvLayer(prefix + "/conv1", 3, channels, 1, 1, true));
        conv2 = addChildBlock("conv2", new ConvLayer(prefix + "/conv2", 3, channels, 1, 1, false));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList out = conv2.forward(ps, conv1.forward(ps, inputs, training, params), training, params);
        return new NDList(Activation.relu(out.singletonOrThrow().add(x)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes);
        conv2.initialize(manager, dataType, inputShapes);
    }

    void load(Map<String, WeightTensor> weights, Set<String> used) {
        conv1.load(weights, used);
        conv2.load(weights, used);
    }
}
