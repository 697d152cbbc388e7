package io.unveil.core.model;

import java.util.Arrays;

/**
 * Converts TensorFlow-layout weights (as read by {@link WeightManifest}) to the layouts DJL/PyTorch blocks expect,
 * and computes TensorFlow 'same' padding. Conv filters HWIO {@code [kh,kw,in,out]} become OIHW
 * {@code [out,in,kh,kw]}; depthwise filters {@code [kh,kw,C,1]} become {@code [C,1,kh,kw]} (groups = C); dense
 * weights {@code [in,out]} become {@code [out,in]} (DJL {@code Linear}).
 */
public final class TfLayout {
    private TfLayout() {
    }

    /** HWIO conv filter to OIHW. */
    public static float[] convToOihw(WeightTensor t) {
        int[] s = requireRank(t, 4);
        int kh = s[0], kw = s[1], in = s[2], out = s[3];
        float[] src = t.data();
        float[] dst = new float[src.length];
        for (int h = 0; h < kh; h++)
            for (int w = 0; w < kw; w++)
                for (int i = 0; i < in; i++)
                    for (int o = 0; o < out; o++)
                        dst[((o * in + i) * kh + h) * kw + w] = src[((h * kw + w) * in + i) * out + o];
        return dst;
    }

    /** Depthwise filter {@code [kh,kw,C,1]} to {@code [C,1,kh,kw]}. */
    public static float[] depthwiseToOihw(WeightTensor t) {
        int[] s = requireRank(t, 4);
        if (s[3] != 1) throw new ModelFetchException(t + ": depthwise filter must have channel multiplier 1");
        return convToOihw(new WeightTensor(t.name(), new int[]{s[0], s[1], 1, s[2]}, t.data()));
    }

    /** Dense {@code [in,out]} to {@code [out,in]}. */
    public static float[] denseToOutIn(WeightTensor t) {
        int[] s = requireRank(t, 2);
        int in = s[0], out = s[1];
        float[] src = t.data();
        float[] dst = new float[src.length];
        for (int i = 0; i < in; i++)
            for (int o = 0; o < out; o++) dst[o * in + i] = src[i * out + o];
        return dst;
    }

    /** Total TF 'same' padding along one axis: {@code max((ceil(in/s)-1)*s + k - in, 0)}. */
    public static int samePadTotal(int in, int kernel, int stride) {
        int outSize = (in + stride - 1) / stride;
        return Math.max((outSize - 1) * stride + kernel - in, 0);
    }

    /** TF puts {@code floor(total/2)} before and the rest (the extra pixel) after. */
    public static int samePadBefore(int in, int kernel, int stride) {
        return samePadTotal(in, kernel, stride) / 2;
    }

    public static int samePadAfter(int in, int kernel, int stride) {
        int total = samePadTotal(in, kernel, stride);
        return total - total / 2;
    }

    /** Multiplies each output channel {@code o} of an OIHW filter by {@code scale[o]} (folds a per-channel affine). */
    public static float[] scaleOutputChannels(float[] oihw, float[] scale) {
        int per = oihw.length / scale.length;
        if (per * scale.length != oihw.length)
            throw new IllegalArgumentException("filter of " + oihw.length + " values does not split into " + scale.length + " channels");
        float[] out = Arrays.copyOf(oihw, oihw.length);
        for (int o = 0; o < scale.length; o++)
            for (int j = 0; j < per; j++) out[o * per + j] *= scale[o];
        return out;
    }

    private static int[] requireRank(WeightTensor t, int rank) {
        if (t.shape().length != rank) throw new ModelFetchException(t + ": expected rank " + rank);
        return t.shape();
    }
}
