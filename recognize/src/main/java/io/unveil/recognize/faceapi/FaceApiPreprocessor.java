package io.unveil.recognize.faceapi;

import io.unveil.core.image.RgbImage;

/**
 * face-api's input pipeline for the recognizer ({@code NetInput.toBatchTensor(150, true)} then
 * {@code normalize(mean).div(255)}), reproduced exactly: zero-pad to a square with the image centred
 * ({@code round(d/2)} pixels after, the rest before), bilinear resize to 150x150 as TensorFlow's legacy kernel
 * (alignCorners=false, halfPixelCenters=false; skipped when already 150), subtract the mean RGB, divide by 255. The
 * output is planar CHW float, RGB order.
 */
public final class FaceApiPreprocessor {
    public static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};
    public static final int SIZE = FaceRecognitionNet.INPUT_SIZE;
    public static final int PLANE = SIZE * SIZE;

    private FaceApiPreprocessor() {
    }

    /** A new {@code 3*150*150} array for one image. */
    public static float[] toInput(RgbImage img) {
        float[] out = new float[3 * PLANE];
        toInput(img, out, 0);
        return out;
    }

    /** Writes the normalised CHW input of {@code img} into {@code dst} at {@code offset} (3*150*150 floats). */
    public static void toInput(RgbImage img, float[] dst, int offset) {
        int w = img.width(), h = img.height();
        int side = Math.max(w, h);
        int diff = Math.abs(w - h);
        int append = (int) Math.round(diff * 0.5); // JS Math.round: .5 rounds up
        int prepend = diff - append;
        int offX = w < h ? prepend : 0;
        int offY = h < w ? prepend : 0;
        byte[] d = img.data();
        if (side == SIZE) {
            for (int y = 0; y < SIZE; y++)
                for (int x = 0; x < SIZE; x++)
                    for (int c = 0; c < 3; c++)
                        dst[offset + c * PLANE + y * SIZE + x] = normalise(padded(d, w, h, offX, offY, x, y, c), c);
            return;
        }
        double ratio = (double) side / SIZE;
        for (int r = 0; r < SIZE; r++) {
            double fr = ratio * r;
            int r0 = (int) Math.max(0, Math.floor(fr));
            double rowFrac = fr - r0;
            int r1 = (int) Math.min(side - 1, Math.ceil(fr));
            for (int col = 0; col < SIZE; col++) {
                double fc = ratio * col;
                int c0 = (int) Math.max(0, Math.floor(fc));
                double colFrac = fc - c0;
                int c1 = (int) Math.min(side - 1, Math.ceil(fc));
                for (int c = 0; c < 3; c++) {
                    float tl = padded(d, w, h, offX, offY, c0, r0, c);
                    float tr = padded(d, w, h, offX, offY, c1, r0, c);
                    float bl = padded(d, w, h, offX, offY, c0, r1, c);
                    float br = padded(d, w, h, offX, offY, c1, r1, c);
                    double top = tl + (tr - tl) * colFrac;
                    double bottom = bl + (br - bl) * colFrac;
                    float v = (float) (top + (bottom - top) * rowFrac);
                    dst[offset + c * PLANE + r * SIZE + col] = normalise(v, c);
                }
            }
        }
    }

    private static float padded(byte[] d, int w, int h, int offX, int offY, int x, int y, int c) {
        int sx = x - offX, sy = y - offY;
        if (sx < 0 || sy < 0 || sx >= w || sy >= h) return 0f;
        return d[(sy * w + sx) * 3 + c] & 0xff;
    }

    private static float normalise(float v, int c) {
        return (v - MEAN_RGB[c]) / 255f;
    }
}
