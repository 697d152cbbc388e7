package io.unveil.detector.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.unveil.core.model.TfWeights;
import io.unveil.core.model.WeightFile;
import io.unveil.core.model.WeightTensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FaceLandmark68Net weights in the project's {@link WeightFile} format (a fine-tuned net, {@code unveil train
 * landmarks}): the tensors keep face-api's manifest names and TensorFlow layouts ({@code dense0/conv1/depthwise_filter}
 * [3,3,C,1], {@code .../pointwise_filter} [1,1,in,out], {@code fc/weights} [256,136], ...), so
 * {@link FaceLandmark68Block#load} reads a weight file and face-api's manifest alike.
 */
public final class FaceLandmark68Weights {
    private FaceLandmark68Weights() {
    }

    /** The tensors of a weight file as the manifest map {@link FaceLandmark68Block#load} takes. */
    public static Map<String, WeightTensor> read(InputStream in) throws IOException {
        Map<String, WeightTensor> out = new LinkedHashMap<>();
        for (WeightFile.Tensor t : WeightFile.read(in)) {
            int[] shape = new int[t.dims().length];
            for (int i = 0; i < shape.length; i++) shape[i] = Math.toIntExact(t.dims()[i]);
            out.put(t.name(), new WeightTensor(t.name(), shape, t.values()));
        }
        return out;
    }

    /** The block's current values under face-api's names and TF layouts (the inverse of {@link FaceLandmark68Block#load}). */
    public static List<WeightFile.Tensor> tensors(FaceLandmark68Block block) {
        List<WeightFile.Tensor> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            int[] s = java.util.Arrays.stream(a.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            String name = tfName(p.getKey());
            float[] v = a.toFloatArray();
            int[] perm = name.endsWith("/depthwise_filter") ? new int[]{2, 3, 0, 1} // [C,1,kh,kw] -> [kh,kw,C,1]
                    : name.endsWith("filters") || name.endsWith("/pointwise_filter") ? new int[]{2, 3, 1, 0} // OIHW -> HWIO
                    : null;
            if (perm == null) {
                out.add(new WeightFile.Tensor(name, a.getShape().getShape(), v));
                continue;
            }
            long[] dims = new long[4];
            for (int i = 0; i < 4; i++) dims[i] = s[perm[i]];
            out.add(new WeightFile.Tensor(name, dims, TfWeights.permute(v, s, perm)));
        }
        return out;
    }

    /**
     * DJL's parameter path -> face-api's tensor name: {@code 02dense0_conv1_01depthwise_weight} ->
     * {@code dense0/conv1/depthwise_filter}, {@code 01dense0_conv0_weight} -> {@code dense0/conv0/filters},
     * {@code fc_weights} -> {@code fc/weights}.
     */
    static String tfName(String djl) {
        String n = djl.replaceAll("(^|_)\\d\\d", "$1");
        if (n.equals("fc_weights")) return "fc/weights";
        if (n.equals("fc_bias")) return "fc/bias";
        String[] parts = n.split("_"); // dense0, convK, [depthwise|pointwise,] weight|bias
        String prefix = parts[0] + "/" + parts[1] + "/";
        if (parts.length == 3) return prefix + (parts[2].equals("weight") ? "filters" : "bias");
        if (parts[2].equals("depthwise")) return prefix + "depthwise_filter";
        return prefix + (parts[3].equals("weight") ? "pointwise_filter" : "bias");
    }
}
