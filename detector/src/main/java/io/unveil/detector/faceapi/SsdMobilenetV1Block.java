package io.unveil.detector.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.unveil.core.model.ModelFetchException;
import io.unveil.core.model.TfConv2d;
import io.unveil.core.model.TfWeights;
import io.unveil.core.model.WeightTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * face-api's SSD-MobileNetV1 face detector network ({@code src/ssdMobilenetv1}): MobileNetV1 (conv_0 3x3/2 then 13
 * depthwise+pointwise pairs, depthwise stride 2 at pairs 2, 4, 6, 12; depthwise followed by batch norm (eps 1e-3,
 * folded into the depthwise weights here), every layer ReLU6, TF 'same' padding), the prediction layers (conv_0..7
 * pointwise, stride 2 at 1, 3, 5, 7) and six box predictors (on conv11, the backbone output, and prediction conv 1, 3,
 * 5, 7; 1x1 convs with bias) giving 5118 anchors for a 512 input.
 *
 * <p>Input {@code (N,3,512,512)} in [-1,1]. Outputs: {@code [0]} box encodings {@code (N,5118,4)}, {@code [1]} class
 * logits {@code (N,5118,3)}, both in face-api's anchor order (per predictor: row, column, anchor).
 */
public final class SsdMobilenetV1Block extends AbstractBlock {
    static final float BN_EPSILON = 0.0010000000474974513f;
    static final int[] MOBILENET_CHANNELS = {32, 64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024};

    private final TfConv2d conv0;
    private final TfConv2d[] depthwise = new TfConv2d[14];
    private final TfConv2d[] pointwise = new TfConv2d[14];
    private final TfConv2d[] prediction = new TfConv2d[8];
    private final TfConv2d[] boxEncoding = new TfConv2d[6];
    private final TfConv2d[] classPredictor = new TfConv2d[6];
    private float[] anchors;

    public SsdMobilenetV1Block() {
        conv0 = addChildBlock("conv_0", new TfConv2d(3, 2, TfConv2d.Padding.SAME, 1, true));
        for (int i = 1; i <= 13; i++) {
            int stride = (i == 2 || i == 4 || i == 6 || i == 12) ? 2 : 1;
            depthwise[i] = addChildBlock("conv_" + i + "_depthwise",
                    new TfConv2d(3, stride, TfConv2d.Padding.SAME, MOBILENET_CHANNELS[i - 1], true));
            pointwise[i] = addChildBlock("conv_" + i + "_pointwise", new TfConv2d(1, 1, TfConv2d.Padding.SAME, 1, true));
        }
        for (int i = 0; i < 8; i++) {
            int k = i % 2 == 1 ? 3 : 1;
            int stride = i % 2 == 1 ? 2 : 1;
            prediction[i] = addChildBlock("prediction_conv_" + i, new TfConv2d(k, stride, TfConv2d.Padding.SAME, 1, true));
        }
        for (int i = 0; i < 6; i++) {
            boxEncoding[i] = addChildBlock("box_predictor_" + i + "_box", new TfConv2d(1, 1, TfConv2d.Padding.SAME, 1, true));
            classPredictor[i] = addChildBlock("box_predictor_" + i + "_class", new TfConv2d(1, 1, TfConv2d.Padding.SAME, 1, true));
        }
    }

    /** Loads the manifest's tensors (face-api's names); keeps the anchors ({@code Output/extra_dim}) for decoding. */
    public SsdMobilenetV1Block load(NDManager m, Map<String, WeightTensor> w) {
        conv0.load(m, TfWeights.require(w, "MobilenetV1/Conv2d_0_pointwise/weights", 3, 3, 3, 32),
                TfWeights.require(w, "MobilenetV1/Conv2d_0_pointwise/convolution_bn_offset", 32));
        for (int i = 1; i <= 13; i++) {
            String p = "MobilenetV1/Conv2d_" + i + "_depthwise/";
            int c = MOBILENET_CHANNELS[i - 1];
            WeightTensor filter = TfWeights.require(w, p + "depthwise_weights", 3, 3, c, 1);
            float[] gamma = TfWeights.require(w, p + "BatchNorm/gamma", c).data();
            float[] beta = TfWeights.require(w, p + "BatchNorm/beta", c).data();
            float[] mean = TfWeights.require(w, p + "BatchNorm/moving_mean", c).data();
            float[] var = TfWeights.require(w, p + "BatchNorm/moving_variance", c).data();
            float[] folded = filter.data().clone();
            float[] bias = new float[c];
            for (int ch = 0; ch < c; ch++) {
                float s = (float) (gamma[ch] / Math.sqrt(var[ch] + BN_EPSILON));
                for (int k = 0; k < 9; k++) folded[k * c + ch] *= s; // [3,3,C,1]: channel is the fastest axis
                bias[ch] = beta[ch] - mean[ch] * s;
            }
            depthwise[i].loadDepthwise(m, new WeightTensor(filter.name(), filter.shape(), folded),
                    new WeightTensor(p + "folded_bias", new int[]{c}, bias));
            pointwise(m, w, pointwise[i], "MobilenetV1/Conv2d_" + i + "_pointwise/");
        }
        for (int i = 0; i < 8; i++) pointwise(m, w, prediction[i], "Prediction/Conv2d_" + i + "_pointwise/");
        for (int i = 0; i < 6; i++) {
            String p = "Prediction/BoxPredictor_" + i + "/";
            boxEncoding[i].load(m, TfWeights.require(w, p + "BoxEncodingPredictor/weights", 1, 1, -1, -1),
                    TfWeights.require(w, p + "BoxEncodingPredictor/biases", -1));
            classPredictor[i].load(m, TfWeights.require(w, p + "ClassPredictor/weights", 1, 1, -1, -1),
                    TfWeights.require(w, p + "ClassPredictor/biases", -1));
        }
        WeightTensor extra = TfWeights.require(w, "Output/extra_dim", 1, -1, 4);
        anchors = extra.data().clone();
        return this;
    }

    private static void pointwise(NDManager m, Map<String, WeightTensor> w, TfConv2d conv, String prefix) {
        WeightTensor f = w.get(prefix + "weights");
        if (f == null) throw new ModelFetchException("weight tensor '" + prefix + "weights' missing from the manifest");
        conv.load(m, f, TfWeights.require(w, prefix + "convolution_bn_offset", f.shape()[3]));
    }

    /** The anchors ({@code [ymin, xmin, ymax, xmax]} per anchor, 4 floats each), as shipped in the weights. */
    public float[] anchors() {
        if (anchors == null) throw new IllegalStateException("weights not loaded");
        return anchors;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = relu6(conv0, ps, inputs.singletonOrThrow(), training);
        NDArray conv11 = null;
        for (int i = 1; i <= 13; i++) {
            x = relu6(depthwise[i], ps, x, training);
            x = relu6(pointwise[i], ps, x, training);
            if (i == 11) conv11 = x;
        }
        NDArray[] p = new NDArray[8];
        NDArray in = x;
        for (int i = 0; i < 8; i++) {
            p[i] = relu6(prediction[i], ps, in, training);
            in = p[i];
        }
        NDArray[] sources = {conv11, x, p[1], p[3], p[5], p[7]};
        List<NDArray> boxes = new ArrayList<>(), classes = new ArrayList<>();
        long n = x.getShape().get(0);
        for (int i = 0; i < 6; i++) {
            NDArray b = boxEncoding[i].forward(ps, new NDList(sources[i]), training).singletonOrThrow();
            NDArray c = classPredictor[i].forward(ps, new NDList(sources[i]), training).singletonOrThrow();
            boxes.add(b.transpose(0, 2, 3, 1).reshape(n, -1, 4));
            classes.add(c.transpose(0, 2, 3, 1).reshape(n, -1, 3));
        }
        return new NDList(NDArrays.concat(new NDList(boxes), 1), NDArrays.concat(new NDList(classes), 1));
    }

    private static NDArray relu6(TfConv2d conv, ParameterStore ps, NDArray x, boolean training) {
        return conv.forward(ps, new NDList(x), training).singletonOrThrow().clip(0, 6);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        int a = anchors == null ? -1 : anchors.length / 4;
        return new Shape[]{new Shape(n, a, 4), new Shape(n, a, 3)};
    }
}
