package io.unveil.recognize.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.unveil.core.model.WeightTensor;
import java.util.Map;
import java.util.Set;

/**
 * face-api's {@code residualDown}, quirks included: conv1 is 3x3 stride 2 'valid' (+ReLU), conv2 3x3 stride 1
 * 'same'; the shortcut is a 2x2/2 'valid' average pool of the input with zero channels appended when the channel
 * count grows; when the pooled map is one larger than the conv branch, the conv branch gets one zero row at the bottom
 * and one zero column at the right; then add and ReLU.
 */
final class ResidualDownBlock extends AbstractBlock {
    private final int inChannels;
    private final int outChannels;
    private final ConvLayer conv1;
    private final ConvLayer conv2;

    ResidualDownBlock(String prefix, int inChannels, int outChannels) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        conv1 = addChildBlock("conv1", new ConvLayer(prefix + "/conv1", 3, outChannels, 2, 0, true));
        conv2 = addChildBlock("conv2", new ConvLayer(prefix + "/conv2", 3, outChannels, 1, 1, false));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray out = conv2.forward(ps, conv1.forward(ps, inputs, training, params), training, params).singletonOrThrow();
        NDArray pooled = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
        if (outChannels != inChannels) {
            if (outChannels != 2 * inChannels)
                throw new IllegalStateException("residualDown appends exactly as many zero channels as it has");
            pooled = pooled.concat(pooled.zerosLike(), 1);
        }
        long[] ps1 = pooled.getShape().getShape();
        long[] os = out.getShape().getShape();
        if (ps1[2] != os[2] || ps1[3] != os[3]) {
            // face-api appends one zero row (bottom) then one zero column (right) to the conv branch
            NDManager m = out.getManager();
            out = out.concat(m.zeros(new Shape(os[0], os[1], 1, os[3]), out.getDataType(), out.getDevice()), 2);
            out = out.concat(m.zeros(new Shape(os[0], os[1], os[2] + 1, 1), out.getDataType(), out.getDevice()), 3);
        }
        return new NDList(Activation.relu(pooled.add(out)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long pooled = in.get(2) / 2;
        return new Shape[]{new Shape(in.get(0), outChannels, pooled, in.get(3) / 2)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes);
        Shape mid = conv1.getOutputShapes(inputShapes)[0];
        conv2.initialize(manager, dataType, mid);
    }

    void load(Map<String, WeightTensor> weights, Set<String> used) {
        conv1.load(weights, used);
        conv2.load(weights, used);
    }
}
