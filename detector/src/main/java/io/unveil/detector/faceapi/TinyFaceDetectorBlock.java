package io.unveil.detector.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.unveil.core.model.TfConv2d;
import io.unveil.core.model.TfPadding;
import io.unveil.core.model.TfSeparableConv2d;
import io.unveil.core.model.WeightTensor;
import java.util.Map;

/**
 * face-api's TinyFaceDetector network (Tiny-YOLOv2 with separable convs), NCHW:
 * conv0 3x3 valid 3->16 + leaky; then for conv1..conv5 (16->32->64->128->256->512): maxPool 2x2/2 'same', zero pad 1,
 * depthwise 3x3 + pointwise 1x1 + bias + leaky(0.1); maxPool 2x2/1 'same'; conv8 1x1 512->25 + bias.
 * Input [N,3,S,S] (S multiple of 32), output [N,25,S/32,S/32] = 5 anchors x (tx,ty,tw,th,score).
 */
public class TinyFaceDetectorBlock extends AbstractBlock {
    private static final int[] CHANNELS = {16, 32, 64, 128, 256, 512};
    private final TfConv2d conv0;
    private final TfSeparableConv2d[] convs = new TfSeparableConv2d[5];
    private final TfConv2d conv8;

    public TinyFaceDetectorBlock() {
        conv0 = addChildBlock("conv0", new TfConv2d(3, 1, TfConv2d.Padding.VALID, 1, true));
        for (int i = 0; i < 5; i++)
            convs[i] = addChildBlock("conv" + (i + 1), new TfSeparableConv2d(CHANNELS[i], 3, 1, TfConv2d.Padding.SAME));
        conv8 = addChildBlock("conv8", new TfConv2d(1, 1, TfConv2d.Padding.VALID, 1, true));
    }

    public TinyFaceDetectorBlock load(NDManager m, Map<String, WeightTensor> w) {
        conv0.load(m, w, "conv0");
        for (int i = 0; i < 5; i++) convs[i].load(m, w, "conv" + (i + 1));
        conv8.load(m, w, "conv8");
        return this;
    }

    static NDArray leaky(NDArray x) {
        return ai.djl.nn.Activation.leakyRelu(x, 0.1f);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = leaky(conv0.forward(ps, inputs, training).singletonOrThrow());
        for (int i = 0; i < 5; i++) {
            x = TfPadding.maxPoolSame(x, 2, 2);
            x = leaky(convs[i].forward(ps, x));
        }
        x = TfPadding.maxPoolSame(x, 2, 1);
        return conv8.forward(ps, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long cells = in.get(2) / 32;
        return new Shape[]{new Shape(in.get(0), 25, cells, cells)};
    }
}
