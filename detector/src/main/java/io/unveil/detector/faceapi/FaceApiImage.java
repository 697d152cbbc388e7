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
        float m0 = meanRgb[0], m1 = meanRgb[1], m2 = meanRgb[2];
        // per output column / row: source byte offsets of the two bilinear taps (-1 = zero padding) and the weight
        float scale = side == size ? 1f : (float) side / (float) size;
        int[] c0 = new int[size], c1 = new int[size];
        float[] fx = new float[size];
        for (int x = 0; x < size; x++) {
            float src = scale * x;
            int x0 = Math.max(0, (int) Math.floor(src)), x1 = Math.min(side - 1, (int) Math.ceil(src));
            fx[x] = src - x0;
            c0[x] = x0 - offX >= 0 && x0 - offX < w ? (x0 - offX) * 3 : -1;
            c1[x] = x1 - offX >= 0 && x1 - offX < w ? (x1 - offX) * 3 : -1;
        }
        int stride = w * 3;
        for (int y = 0; y < size; y++) {
            float srcY = scale * y;
            int y0 = Math.max(0, (int) Math.floor(srcY)), y1 = Math.min(side - 1, (int) Math.ceil(srcY));
            float fy = srcY - y0;
            int r0 = y0 - offY >= 0 && y0 - offY < h ? (y0 - offY) * stride : -1;
            int r1 = y1 - offY >= 0 && y1 - offY < h ? (y1 - offY) * stride : -1;
            int o = offset + y * size;
            for (int x = 0; x < size; x++) {
                int a = c0[x], b = c1[x];
                float wx = fx[x];
                for (int c = 0; c < 3; c++) {
                    float tl = r0 < 0 || a < 0 ? 0f : d[r0 + a + c] & 0xff;
                    float tr = r0 < 0 || b < 0 ? 0f : d[r0 + b + c] & 0xff;
                    float bl = r1 < 0 || a < 0 ? 0f : d[r1 + a + c] & 0xff;
                    float br = r1 < 0 || b < 0 ? 0f : d[r1 + b + c] & 0xff;
                    float top = tl + (tr - tl) * wx;
                    float bottom = bl + (br - bl) * wx;
                    float v = top + (bottom - top) * fy;
                    out[o + c * plane + x] = (v - (c == 0 ? m0 : c == 1 ? m1 : m2)) / 255f;
                }
            }
        }
    }
}
