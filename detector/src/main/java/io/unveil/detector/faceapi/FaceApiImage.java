package io.unveil.detector.faceapi;

import io.unveil.core.image.RgbImage;

/**
 * face-api's input preparation for tensor inputs ({@code NetInput.toBatchTensor}), reproduced exactly: zero-pad the
 * image to a square (all padding bottom/right, or centred with {@code round(d/2)} after and the rest before), resize
 * it with TF's legacy bilinear ({@code alignCorners=false, halfPixelCenters=false}), subtract the mean RGB, divide by
 * 255. Output is CHW float32.
 */
public final class FaceApiImage {
    private FaceApiImage() {
    }

    /** CHW floats ({@code 3*size*size}) for one image. */
    public static float[] toTensor(RgbImage img, int size, boolean centered, float[] meanRgb) {
        float[] out = new float[3 * size * size];
        write(img, size, centered, meanRgb, out, 0);
        return out;
    }

    /** Writes the CHW floats of one image into {@code out} at {@code offset} (for batches). */
    public static void write(RgbImage img, int size, boolean centered, float[] meanRgb, float[] out, int offset) {
        int w = img.width(), h = img.height();
        int side = Math.max(w, h);
        int diff = Math.abs(h - w);
        int append = centered ? (int) Math.floor(diff * 0.5 + 0.5) : diff; // JS Math.round
        int prepend = diff - append;
        int offX = h > w ? prepend : 0;
        int offY = w > h ? prepend : 0;
        byte[] d = img.data();
        int plane = size * size;
        if (side == size) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int i = y * size + x;
                    for (int c = 0; c < 3; c++) out[offset + c * plane + i] = (px(d, w, h, x - offX, y - offY, c) - meanRgb[c]) / 255f;
                }
            }
            return;
        }
        float scale = (float) side / (float) size;
        int[] x0 = new int[size], x1 = new int[size];
        float[] fx = new float[size];
        for (int x = 0; x < size; x++) {
            float src = scale * x;
            x0[x] = Math.max(0, (int) Math.floor(src));
            x1[x] = Math.min(side - 1, (int) Math.ceil(src));
            fx[x] = src - x0[x];
        }
        for (int y = 0; y < size; y++) {
            float srcY = scale * y;
            int y0 = Math.max(0, (int) Math.floor(srcY));
            int y1 = Math.min(side - 1, (int) Math.ceil(srcY));
            float fy = srcY - y0;
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                for (int c = 0; c < 3; c++) {
                    float tl = px(d, w, h, x0[x] - offX, y0 - offY, c);
                    float tr = px(d, w, h, x1[x] - offX, y0 - offY, c);
                    float bl = px(d, w, h, x0[x] - offX, y1 - offY, c);
                    float br = px(d, w, h, x1[x] - offX, y1 - offY, c);
                    float top = tl + (tr - tl) * fx[x];
                    float bottom = bl + (br - bl) * fx[x];
                    float v = top + (bottom - top) * fy;
                    out[offset + c * plane + i] = (v - meanRgb[c]) / 255f;
                }
            }
        }
    }

    private static float px(byte[] d, int w, int h, int x, int y, int c) {
        if (x < 0 || y < 0 || x >= w || y >= h) return 0f;
        return d[(y * w + x) * 3 + c] & 0xff;
    }
}
