package io.unveil.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.Map;

/**
 * Converts TensorFlow-layout weights ({@link WeightTensor}, as read by {@link WeightManifest}) into the layouts DJL's
 * PyTorch engine uses, and puts them into block {@link Parameter}s.
 * <ul>
 * <li>conv filter HWIO {@code [kh,kw,in,out]} -> OIHW {@code [out,in,kh,kw]} (permutation 3,2,0,1)</li>
 * <li>depthwise filter {@code [kh,kw,C,1]} -> {@code [C,1,kh,kw]} (use with groups = C)</li>
 * <li>fully connected {@code [in,out]}: kept as is, apply with {@code x.matMul(w)}</li>
 * </ul>
 */
public final class TfWeights {
    private TfWeights() {
    }

    /** The named tensor, checked against the expected shape (-1 = any); a clear error names what is wrong. */
    public static WeightTensor require(Map<String, WeightTensor> weights, String name, int... expectedShape) {
        WeightTensor t = weights.get(name);
        if (t == null) throw new ModelFetchException("weight tensor '" + name + "' missing from the manifest");
        if (expectedShape.length > 0) {
            boolean ok = t.shape().length == expectedShape.length;
            for (int i = 0; ok && i < expectedShape.length; i++) ok = expectedShape[i] < 0 || expectedShape[i] == t.shape()[i];
            if (!ok) throw new ModelFetchException("weight tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(expectedShape));
        }
        return t;
    }

    /** Reorders a row-major tensor's data: output axis i is input axis {@code perm[i]}. */
    public static float[] permute(float[] data, int[] shape, int... perm) {
        int n = shape.length;
        if (perm.length != n) throw new IllegalArgumentException("permutation rank " + perm.length + " != " + n);
        int[] outShape = new int[n];
        for (int i = 0; i < n; i++) outShape[i] = shape[perm[i]];
        int[] inStride = new int[n];
        int acc = 1;
        for (int i = n - 1; i >= 0; i--) {
            inStride[i] = acc;
            acc *= shape[i];
        }
        if (acc != data.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " != " + data.length + " values");
        float[] out = new float[data.length];
        int[] idx = new int[n];
        for (int o = 0; o < out.length; o++) {
            int src = 0;
            for (int i = 0; i < n; i++) src += idx[i] * inStride[perm[i]];
            out[o] = data[src];
            for (int i = n - 1; i >= 0; i--) {
                if (++idx[i] < outShape[i]) break;
                idx[i] = 0;
            }
        }
        return out;
    }

    /** HWIO conv filter -> OIHW NDArray. */
    public static NDArray conv(NDManager m, WeightTensor hwio) {
        int[] s = hwio.shape();
        if (s.length != 4) throw new ModelFetchException(hwio + ": a conv filter must be 4-D [kh,kw,in,out]");
        return m.create(permute(hwio.data(), s, 3, 2, 0, 1), new Shape(s[3], s[2], s[0], s[1]));
    }

    /** Depthwise filter {@code [kh,kw,C,mult]} -> {@code [C*mult,1,kh,kw]} for a grouped conv with groups = C. */
    public static NDArray depthwise(NDManager m, WeightTensor t) {
        int[] s = t.shape();
        if (s.length != 4) throw new ModelFetchException(t + ": a depthwise filter must be 4-D [kh,kw,C,mult]");
        // [kh,kw,C,mult] -> [C,mult,kh,kw] -> reshape [C*mult,1,kh,kw]
        return m.create(permute(t.data(), s, 2, 3, 0, 1), new Shape((long) s[2] * s[3], 1, s[0], s[1]));
    }

    /** Any tensor as is (biases, FC weights {@code [in,out]}, per-channel scales). */
    public static NDArray raw(NDManager m, WeightTensor t) {
        long[] dims = Arrays.stream(t.shape()).asLongStream().toArray();
        return m.create(t.data(), new Shape(dims));
    }

    /** Puts {@code value} into {@code p} (frozen: no gradient), replacing any earlier array. */
    public static void set(Parameter p, NDArray value) {
        if (p.isInitialized()) {
            NDArray old = p.getArray();
            if (!old.getShape().equals(value.getShape()))
                throw new IllegalArgumentException("parameter " + p.getName() + " has shape " + old.getShape() + ", got " + value.getShape());
            ArrayCopy.into(old, value.toFloatArray());
            value.close();
        } else {
            p.setArray(value);
        }
    }
}
