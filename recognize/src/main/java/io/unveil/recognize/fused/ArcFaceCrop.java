package io.unveil.recognize.fused;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.align.SimilarityFit;

/**
 * The 112x112 crop ArcFace-family recognizers are trained on (the five points of insightface's template: eye centres,
 * nose tip, mouth corners), cut from the pipeline's 150x150 recognizer chip by one fixed similarity: the chip is already
 * aligned to dlib's mean face, so its template points map onto the ArcFace points for every face, and the detector, the
 * occlusion estimator, the inpainter and the gallery keep working on the chip. The ArcFace crop reaches about 8 px
 * past the chip on the left and right (its face is smaller); those pixels are black, as outside a frame.
 */
public final class ArcFaceCrop {
    public static final int SIZE = 112;
    /** insightface's 112x112 template: image-left eye, image-right eye, nose tip, mouth left, mouth right. */
    static final double[][] ARCFACE = {{38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655},
            {70.7299, 92.2041}};
    /** crop pixel (u, v) -> chip position: x = m0 u + m1 v + m2, y = m3 u + m4 v + m5. */
    private static final double[] CROP_TO_CHIP = fit(ARCFACE, chipPoints());

    private ArcFaceCrop() {
    }

    /** The same five points in the 150x150 chip (FaceAligner's mean-face template). */
    static double[][] chipPoints() {
        return new double[][]{mean(36, 41), mean(42, 47), FaceAligner.templatePoint(30, AlignTarget.CHIP_150),
                FaceAligner.templatePoint(48, AlignTarget.CHIP_150), FaceAligner.templatePoint(54, AlignTarget.CHIP_150)};
    }

    private static double[] mean(int from, int to) {
        double x = 0, y = 0;
        for (int i = from; i <= to; i++) {
            double[] p = FaceAligner.templatePoint(i, AlignTarget.CHIP_150);
            x += p[0];
            y += p[1];
        }
        int n = to - from + 1;
        return new double[]{x / n, y / n};
    }

    /** The similarity taking {@code from} points to {@code to} as a row-major 2x3 matrix. */
    static double[] fit(double[][] from, double[][] to) {
        double[] f = new double[2 * from.length], t = new double[2 * to.length];
        for (int i = 0; i < from.length; i++) {
            f[2 * i] = from[i][0];
            f[2 * i + 1] = from[i][1];
            t[2 * i] = to[i][0];
            t[2 * i + 1] = to[i][1];
        }
        double[] m = SimilarityFit.fit(f, t);
        return new double[]{m[0], -m[1], m[2], m[1], m[0], m[3]};
    }

    /** Where crop pixel (u, v) samples the chip. */
    static double[] chipPosition(double u, double v) {
        double[] m = CROP_TO_CHIP;
        return new double[]{m[0] * u + m[1] * v + m[2], m[3] * u + m[4] * v + m[5]};
    }

    /**
     * The crop of a 150x150 chip as planar RGB floats {@code (x - mean) / scale} (3 x 112 x 112, channel-major),
     * sampled bilinearly, black outside the chip.
     */
    public static float[] planar(RgbImage chip, double mean, double scale, float[] out, int offset) {
        if (chip.width() != FaceAligner.CHIP_SIZE || chip.height() != FaceAligner.CHIP_SIZE)
            throw new IllegalArgumentException("expected a " + FaceAligner.CHIP_SIZE + "x" + FaceAligner.CHIP_SIZE
                    + " recognizer chip, got " + chip.width() + "x" + chip.height());
        byte[] d = chip.data();
        int w = chip.width(), h = chip.height(), plane = SIZE * SIZE;
        double[] m = CROP_TO_CHIP;
        for (int v = 0; v < SIZE; v++) {
            for (int u = 0; u < SIZE; u++) {
                double x = m[0] * u + m[1] * v + m[2], y = m[3] * u + m[4] * v + m[5];
                int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
                double ax = x - x0, ay = y - y0;
                double r = 0, g = 0, bl = 0;
                for (int dy = 0; dy < 2; dy++) {
                    int yy = y0 + dy;
                    if (yy < 0 || yy >= h) continue;
                    double wy = dy == 0 ? 1 - ay : ay;
                    for (int dx = 0; dx < 2; dx++) {
                        int xx = x0 + dx;
                        if (xx < 0 || xx >= w) continue;
                        double wgt = wy * (dx == 0 ? 1 - ax : ax);
                        int i = (yy * w + xx) * 3;
                        r += wgt * (d[i] & 0xff);
                        g += wgt * (d[i + 1] & 0xff);
                        bl += wgt * (d[i + 2] & 0xff);
                    }
                }
                int p = offset + v * SIZE + u;
                out[p] = (float) ((r - mean) / scale);
                out[p + plane] = (float) ((g - mean) / scale);
                out[p + 2 * plane] = (float) ((bl - mean) / scale);
            }
        }
        return out;
    }
}
