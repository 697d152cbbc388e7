package io.unveil.inpaint.idgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.image.RgbImage;
import java.util.List;

/** Conversions between plain-Java images/masks and NCHW float tensors in [0,1]. */
public final class Tensors {
    private Tensors() {
    }

    public static float[] chw(RgbImage img) {
        int w = img.width(), h = img.height();
        float[] out = new float[3 * w * h];
        byte[] d = img.data();
        for (int i = 0; i < w * h; i++)
            for (int c = 0; c < 3; c++) out[c * w * h + i] = (d[i * 3 + c] & 0xff) / 255f;
        return out;
    }

    public static RgbImage image(float[] chw, int w, int h) {
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++)
            for (int c = 0; c < 3; c++) {
                int v = Math.round(chw[c * w * h + i] * 255f);
                d[i * 3 + c] = (byte) Math.max(0, Math.min(255, v));
            }
        return new RgbImage(w, h, d);
    }

    /** Stacks equally sized planes of {@code channels} x size x size into [N,channels,size,size]. */
    public static NDArray batch(NDManager m, List<float[]> planes, int channels, int size) {
        int per = channels * size * size;
        float[] all = new float[planes.size() * per];
        for (int i = 0; i < planes.size(); i++) {
            if (planes.get(i).length != per)
                throw new IllegalArgumentException("expected " + per + " values, got " + planes.get(i).length);
            System.arraycopy(planes.get(i), 0, all, i * per, per);
        }
        return m.create(all, new Shape(planes.size(), channels, size, size));
    }

    /** Splits [N,3,H,W] back into images. */
    public static RgbImage[] images(NDArray batch) {
        Shape s = batch.getShape();
        int n = (int) s.get(0), h = (int) s.get(2), w = (int) s.get(3);
        float[] all = batch.toFloatArray();
        RgbImage[] out = new RgbImage[n];
        int per = 3 * w * h;
        for (int i = 0; i < n; i++) {
            float[] one = new float[per];
            System.arraycopy(all, i * per, one, 0, per);
            out[i] = image(one, w, h);
        }
        return out;
    }

    /** A binary mask image (255 = hole) as float 0/1. */
    public static float[] mask(RgbImage maskImage) {
        int n = maskImage.width() * maskImage.height();
        float[] m = new float[n];
        byte[] d = maskImage.data();
        for (int i = 0; i < n; i++) m[i] = (d[i * 3] & 0xff) >= 128 ? 1f : 0f;
        return m;
    }
}
