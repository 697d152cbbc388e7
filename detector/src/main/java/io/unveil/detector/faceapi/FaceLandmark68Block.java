package io.unveil.detector.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.unveil.core.model.TfConv2d;
import io.unveil.core.model.TfSeparableConv2d;
import io.unveil.core.model.TfWeights;
import io.unveil.core.model.WeightTensor;
import java.util.Map;

/**
 * face-api's FaceLandmark68Net, NCHW. Four dense blocks (32, 64, 128, 256 channels), each: out1 = ReLU(conv0, stride 2
 * 'same'; dense0.conv0 is a plain 3x3 conv, the others separable), out2 = sep(out1), out3 = sep(ReLU(out1+out2)),
 * out4 = sep(ReLU(out1+out2+out3)), out = ReLU(out1+out2+out3+out4) (sep = 3x3 depthwise 'same' + 1x1 pointwise + bias).
 * 112 -> 56 -> 28 -> 14 -> 7; avgPool 7x7/2 'valid'; fc [256,136] + bias. Input [N,3,112,112], output [N,136] =
 * 68 (x,y) in [0,1] of the padded 112 square.
 */
public class FaceLandmark68Block extends AbstractBlock {
    private static final int[] CHANNELS = {32, 64, 128, 256};
    private final Block[] conv0 = new Block[4];
    private final TfSeparableConv2d[][] seps = new TfSeparableConv2d[4][3];
    private final Parameter fcW;
    private final Parameter fcB;

    public FaceLandmark68Block() {
        int in = 3;
        for (int b = 0; b < 4; b++) {
            int c = CHANNELS[b];
            conv0[b] = addChildBlock("dense" + b + "_conv0", b == 0
                    ? new TfConv2d(3, 2, TfConv2d.Padding.SAME, 1, true)
                    : new TfSeparableConv2d(in, 3, 2, TfConv2d.Padding.SAME));
            for (int k = 0; k < 3; k++)
                seps[b][k] = addChildBlock("dense" + b + "_conv" + (k + 1), new TfSeparableConv2d(c, 3, 1, TfConv2d.Padding.SAME));
            in = c;
        }
        fcW = addParameter(Parameter.builder().setName("fc_weights").setType(Parameter.Type.WEIGHT).optRequiresGrad(false).build());
        fcB = addParameter(Parameter.builder().setName("fc_bias").setType(Parameter.Type.BIAS).optRequiresGrad(false).build());
    }

    public FaceLandmark68Block load(NDManager m, Map<String, WeightTensor> w) {
        for (int b = 0; b < 4; b++) {
            String p = "dense" + b;
            if (b == 0) ((TfConv2d) conv0[b]).load(m, w, p + "/conv0");
            else ((TfSeparableConv2d) conv0[b]).load(m, w, p + "/conv0");
            for (int k = 0; k < 3; k++) seps[b][k].load(m, w, p + "/conv" + (k + 1));
        }
        TfWeights.set(fcW, TfWeights.raw(m, TfWeights.require(w, "fc/weights", 256, 136)));
        TfWeights.set(fcB, TfWeights.raw(m, TfWeights.require(w, "fc/bias", 136)));
        return this;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (int b = 0; b < 4; b++) {
            NDArray out1 = relu(conv0[b].forward(ps, new NDList(x), training).singletonOrThrow());
            NDArray out2 = seps[b][0].forward(ps, out1);
            NDArray s12 = out1.add(out2);
            NDArray out3 = seps[b][1].forward(ps, relu(s12));
            NDArray s123 = s12.add(out3);
            NDArray out4 = seps[b][2].forward(ps, relu(s123));
            x = relu(s123.add(out4));
        }
        NDArray pooled = Pool.avgPool2d(x, new Shape(7, 7), new Shape(2, 2), new Shape(0, 0), false, true);
        NDArray flat = pooled.reshape(pooled.getShape().get(0), -1);
        NDArray w = ps.getValue(fcW, x.getDevice(), training);
        NDArray bias = ps.getValue(fcB, x.getDevice(), training);
        return new NDList(flat.matMul(w).add(bias));
    }

    private static NDArray relu(NDArray x) {
        return ai.djl.nn.Activation.relu(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{new Shape(inputShapes[0].get(0), 136)};
    }
}
