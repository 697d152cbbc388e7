package io.unveil.research.train.idgan;

import io.unveil.core.image.RgbImage;
import java.util.Random;

/**
 * Training augmentation: horizontal flip, shift (+-{@value #MAX_SHIFT} px) and rotation (+-15 degrees) about the
 * centre, bilinear for images with edge replication, nearest for label maps so one draw moves both alike.
 */
public final class Augment {
    public static final int MAX_SHIFT = 6;
    public static final double MAX_DEGREES = 15;

    /** One draw of the augmentation parameters. */
    public record Draw(boolean flip, double dx, double dy, double radians) {
        public static Draw random(Random rnd) {
            return new Draw(rnd.nextBoolean(), (rnd.nextDouble() * 2 - 1) * MAX_SHIFT,
                    (rnd.nextDouble() * 2 - 1) * MAX_SHIFT, Math.toRadians((rnd.nextDouble() * 2 - 1) * MAX_DEGREES));
        }

        public static Draw identity() {
            return new Draw(false, 0, 0, 0);
        }
    }

    private Augment() {
    }

    /** The image as planar float CHW in [0,1], transformed by {@code d}. */
    public static float[] image(RgbImage img, Draw d) {
        int w = img.width(), h = img.height();
        float[] out = new float[3 * w * h];
        byte[] src = img.data();
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0, cos = Math.cos(d.radians()), sin = Math.sin(d.radians());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] s = source(x, y, cx, cy, cos, sin, d, w);
                double sx = Math.max(0, Math.min(w - 1, s[0])), sy = Math.max(0, Math.min(h - 1, s[1]));
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                int x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
                double fx = sx - x0, fy = sy - y0;
                for (int c = 0; c < 3; c++) {
                    double v = (1 - fy) * ((1 - fx) * px(src, w, x0, y0, c) + fx * px(src, w, x1, y0, c))
                            + fy * ((1 - fx) * px(src, w, x0, y1, c) + fx * px(src, w, x1, y1, c));
                    out[c * w * h + y * w + x] = (float) (v / 255.0);
                }
            }
        }
        return out;
    }

    /** A label map (one byte per pixel) transformed by {@code d}, nearest neighbour, background (0) outside. */
    public static byte[] labels(byte[] labels, int w, int h, Draw d) {
        byte[] out = new byte[w * h];
        double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0, cos = Math.cos(d.radians()), sin = Math.sin(d.radians());
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                double[] s = source(x, y, cx, cy, cos, sin, d, w);
                int sx = (int) Math.round(s[0]), sy = (int) Math.round(s[1]);
                out[y * w + x] = sx < 0 || sy < 0 || sx >= w || sy >= h ? 0 : labels[sy * w + sx];
            }
        return out;
    }

    private static double[] source(int x, int y, double cx, double cy, double cos, double sin, Draw d, int w) {
        double ox = x - d.dx() - cx, oy = y - d.dy() - cy;
        double sx = cos * ox + sin * oy + cx;
        double sy = -sin * ox + cos * oy + cy;
        if (d.flip()) sx = (w - 1) - sx;
        return new double[] {sx, sy};
    }

    private static double px(byte[] src, int w, int x, int y, int c) {
        return src[(y * w + x) * 3 + c] & 0xff;
    }
}
