package io.unveil.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * TensorFlow's padding rules made explicit for NCHW tensors. TF 'same' pads {@code max((ceil(in/s)-1)*s + k - in, 0)}
 * in total, {@code floor(total/2)} before and the rest after, so with stride 2 on even sizes the extra pixel goes
 * bottom/right; PyTorch convolutions only pad symmetrically, so the TF ports pad here and convolve with zero padding.
 */
public final class TfPadding {
    private TfPadding() {
    }

    /** {before, after} padding of TF 'same' along one axis. */
    public static int[] same(int in, int kernel, int stride) {
        int out = (in + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + kernel - in, 0);
        return new int[]{total / 2, total - total / 2};
    }

    /** Output size along one axis for TF 'valid' (no padding). */
    public static int validOut(int in, int kernel, int stride) {
        return (in - kernel) / stride + 1;
    }

    /** Output size along one axis for TF 'same'. */
    public static int sameOut(int in, int stride) {
        return (in + stride - 1) / stride;
    }

    /** Pads an NCHW tensor as TF 'same' would for this kernel and stride; {@code value} fills the border. */
    public static NDArray padSame(NDArray x, int kernelH, int kernelW, int strideH, int strideW, double value) {
        Shape s = x.getShape();
        int h = (int) s.get(s.dimension() - 2);
        int w = (int) s.get(s.dimension() - 1);
        int[] ph = same(h, kernelH, strideH);
        int[] pw = same(w, kernelW, strideW);
        return pad(x, ph[0], ph[1], pw[0], pw[1], value);
    }

    /** Pads the last two axes of an NCHW tensor; returns {@code x} itself when there is nothing to pad. */
    public static NDArray pad(NDArray x, int top, int bottom, int left, int right, double value) {
        if (top == 0 && bottom == 0 && left == 0 && right == 0) return x;
        // torch constant_pad_nd order: last axis first (left, right), then (top, bottom)
        return x.pad(new Shape(left, right, top, bottom), value);
    }

    /**
     * TF {@code maxPool(x, [k,k], [s,s], 'same')} on NCHW: padded cells never win (filled with -inf). Computed as the
     * element-wise maximum of the k*k strided views of the padded input, which on the PyTorch CPU engine is several
     * times faster than its max_pool2d for small kernels.
     */
    public static NDArray maxPoolSame(NDArray x, int kernel, int stride) {
        Shape s = x.getShape();
        int h = (int) s.get(s.dimension() - 2), w = (int) s.get(s.dimension() - 1);
        NDArray padded = padSame(x, kernel, kernel, stride, stride, Double.NEGATIVE_INFINITY);
        return maxPoolValid(padded, kernel, stride, sameOut(h, stride), sameOut(w, stride), padded != x);
    }

    /** TF {@code maxPool(x, [k,k], [s,s], 'valid')} on NCHW. */
    public static NDArray maxPoolValid(NDArray x, int kernel, int stride) {
        Shape s = x.getShape();
        int h = (int) s.get(s.dimension() - 2), w = (int) s.get(s.dimension() - 1);
        return maxPoolValid(x, kernel, stride, validOut(h, kernel, stride), validOut(w, kernel, stride), false);
    }

    private static NDArray maxPoolValid(NDArray x, int kernel, int stride, int outH, int outW, boolean closeInput) {
        NDArray acc = null;
        for (int dy = 0; dy < kernel; dy++) {
            for (int dx = 0; dx < kernel; dx++) {
                String idx = "...," + dy + ":" + (dy + (outH - 1) * stride + 1) + ":" + stride + ","
                        + dx + ":" + (dx + (outW - 1) * stride + 1) + ":" + stride;
                NDArray view = x.get(idx);
                if (acc == null) {
                    acc = view;
                } else {
                    NDArray next = acc.maximum(view);
                    acc.close();
                    view.close();
                    acc = next;
                }
            }
        }
        if (kernel == 1) acc = acc.duplicate();
        if (closeInput) x.close();
        return acc;
    }
}
