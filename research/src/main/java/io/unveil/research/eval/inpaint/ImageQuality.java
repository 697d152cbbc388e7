package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;

/**
 * Image fidelity of a repaired face against its ground truth.
 * <ul>
 * <li>PSNR: 10·log10(255² / MSE), MSE over all three RGB channels of all pixels (whole face) or of the hole pixels
 * (mask true) only. Identical images give +Infinity.</li>
 * <li>SSIM: Wang et al. 2004 ({@code ssim_index.m}): luminance Y = 0.299R + 0.587G + 0.114B (not rounded), 11x11
 * Gaussian window with sigma 1.5 (normalised), K1 = 0.01, K2 = 0.03, L = 255, "valid" filtering (no padding, so the
 * map is (W-10)x(H-10)). Whole-face SSIM is the mean of the map; hole SSIM is the mean of the map over window centres
 * that lie inside the mask (NaN if none does).</li>
 * </ul>
 */
public final class ImageQuality {
    public static final int WINDOW = 11;
    public static final double SIGMA = 1.5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] KERNEL_1D = gaussian1d();

    private ImageQuality() {
    }

    public static double psnr(RgbImage truth, RgbImage test) {
        return psnr(truth, test, null);
    }

    /** PSNR over the pixels whose mask entry is true (row-major, width*height); all pixels when mask is null. */
    public static double psnr(RgbImage truth, RgbImage test, boolean[] mask) {
        check(truth, test, mask);
        byte[] a = truth.data(), b = test.data();
        double se = 0;
        long n = 0;
        for (int p = 0; p < truth.width() * truth.height(); p++) {
            if (mask != null && !mask[p]) continue;
            for (int c = 0; c < 3; c++) {
                double d = (a[3 * p + c] & 0xff) - (b[3 * p + c] & 0xff);
                se += d * d;
            }
            n += 3;
        }
        if (n == 0) return Double.NaN;
        double mse = se / n;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    public static double ssim(RgbImage truth, RgbImage test) {
        return ssim(truth, test, null);
    }

    /** Mean SSIM over window centres inside the mask (all valid centres when mask is null). */
    public static double ssim(RgbImage truth, RgbImage test, boolean[] mask) {
        return meanOver(ssimMap(truth, test), truth.width(), truth.height(), mask);
    }

    /**
     * The SSIM map over valid window centres, row-major (W-10)x(H-10); entry (x,y) is the window centred at
     * (x+5, y+5). Computed with the separable Gaussian (two 11-tap passes per moment).
     */
    public static double[] ssimMap(RgbImage truth, RgbImage test) {
        check(truth, test, null);
        int w = truth.width(), h = truth.height();
        if (w < WINDOW || h < WINDOW) throw new IllegalArgumentException("SSIM needs at least 11x11 pixels");
        double[] x = luminance(truth), y = luminance(test);
        double[] xx = new double[x.length], yy = new double[x.length], xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] mx = filter(x, w, h), my = filter(y, w, h), fxx = filter(xx, w, h), fyy = filter(yy, w, h), fxy = filter(xy, w, h);
        double[] map = new double[mx.length];
        for (int i = 0; i < map.length; i++) {
            double a = mx[i], b = my[i];
            double sx = fxx[i] - a * a, sy = fyy[i] - b * b, sxy = fxy[i] - a * b;
            map[i] = ((2 * a * b + C1) * (2 * sxy + C2)) / ((a * a + b * b + C1) * (sx + sy + C2));
        }
        return map;
    }

    /** Mean of an SSIM map over the centres inside the mask (all when null); NaN if none. */
    public static double meanOver(double[] map, int w, int h, boolean[] mask) {
        int r = WINDOW / 2, vw = w - 2 * r, vh = h - 2 * r;
        double sum = 0;
        long n = 0;
        for (int vy = 0; vy < vh; vy++)
            for (int vx = 0; vx < vw; vx++) {
                if (mask != null && !mask[(vy + r) * w + vx + r]) continue;
                sum += map[vy * vw + vx];
                n++;
            }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Valid-mode separable Gaussian filter: (w-10)x(h-10). */
    private static double[] filter(double[] src, int w, int h) {
        int r = WINDOW / 2, vw = w - 2 * r, vh = h - 2 * r;
        double[] k = KERNEL_1D;
        double[] rows = new double[vw * h];
        for (int y = 0; y < h; y++)
            for (int vx = 0; vx < vw; vx++) {
                double s = 0;
                int base = y * w + vx;
                for (int t = 0; t < WINDOW; t++) s += k[t] * src[base + t];
                rows[y * vw + vx] = s;
            }
        double[] out = new double[vw * vh];
        for (int vy = 0; vy < vh; vy++)
            for (int vx = 0; vx < vw; vx++) {
                double s = 0;
                for (int t = 0; t < WINDOW; t++) s += k[t] * rows[(vy + t) * vw + vx];
                out[vy * vw + vx] = s;
            }
        return out;
    }

    static double[] luminance(RgbImage img) {
        byte[] d = img.data();
        double[] y = new double[img.width() * img.height()];
        for (int p = 0; p < y.length; p++)
            y[p] = 0.299 * (d[3 * p] & 0xff) + 0.587 * (d[3 * p + 1] & 0xff) + 0.114 * (d[3 * p + 2] & 0xff);
        return y;
    }

    /** The normalised 11x11 Gaussian window, row-major. */
    static double[] gaussian() {
        double[] g = new double[WINDOW * WINDOW];
        int r = WINDOW / 2;
        double s = 0;
        for (int y = -r; y <= r; y++)
            for (int x = -r; x <= r; x++) {
                double v = Math.exp(-(x * x + y * y) / (2 * SIGMA * SIGMA));
                g[(y + r) * WINDOW + x + r] = v;
                s += v;
            }
        for (int i = 0; i < g.length; i++) g[i] /= s;
        return g;
    }

    /** The normalised 1-D Gaussian; its outer product is {@link #gaussian()}. */
    static double[] gaussian1d() {
        double[] g = new double[WINDOW];
        int r = WINDOW / 2;
        double s = 0;
        for (int x = -r; x <= r; x++) {
            g[x + r] = Math.exp(-(x * x) / (2 * SIGMA * SIGMA));
            s += g[x + r];
        }
        for (int i = 0; i < g.length; i++) g[i] /= s;
        return g;
    }

    private static void check(RgbImage a, RgbImage b, boolean[] mask) {
        if (a.width() != b.width() || a.height() != b.height())
            throw new IllegalArgumentException("image sizes differ: " + a.width() + "x" + a.height() + " vs " + b.width() + "x" + b.height());
        if (mask != null && mask.length != a.width() * a.height())
            throw new IllegalArgumentException("mask has " + mask.length + " entries, image " + a.width() * a.height() + " pixels");
    }
}
