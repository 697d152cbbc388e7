package io.unveil.research.occluders;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.Raster;
import java.awt.Shape;
import java.util.SplittableRandom;

/**
 * An RGBA drawing layer (premultiplied floats in [0,1]) the occluder is painted on before it is composited onto the
 * face. Compositing thresholds the alpha so the ground-truth mask is exact: a pixel with alpha below
 * {@link #MASK_ALPHA} is left bit-identical, every other pixel is in the mask.
 */
public final class Layer {
    static final float MASK_ALPHA = 0.35f;

    final int w;
    final int h;
    final float[] r;
    final float[] g;
    final float[] b;
    final float[] a;

    Layer(int w, int h) {
        this.w = w;
        this.h = h;
        r = new float[w * h];
        g = new float[w * h];
        b = new float[w * h];
        a = new float[w * h];
    }

    /** Paints a shape with a paint (in image pixel coordinates), anti-aliased edges. */
    void fill(Shape shape, Paint paint, float opacity) {
        float[] cov = Raster.coverage(shape, w, h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (cov[i] <= 0) continue;
                over(i, paint.rgb(x + 0.5, y + 0.5), cov[i] * opacity);
            }
    }

    /** Paints a per-pixel RGBA source (ARGB int, alpha in the top byte; 0 = nothing). */
    void fill(RgbaSource src) {
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int argb = src.argb(x + 0.5, y + 0.5);
                float al = (argb >>> 24) / 255f;
                if (al > 0) over(y * w + x, argb & 0xffffff, al);
            }
    }

    private void over(int i, int rgb, float c) {
        float k = 1 - c;
        r[i] = ((rgb >> 16) & 0xff) / 255f * c + r[i] * k;
        g[i] = ((rgb >> 8) & 0xff) / 255f * c + g[i] * k;
        b[i] = (rgb & 0xff) / 255f * c + b[i] * k;
        a[i] = c + a[i] * k;
    }

    /** Directional lighting and overall brightness applied to the occluder colour. */
    void light(double brightness, double gradient, double angle) {
        double dx = Math.cos(angle), dy = Math.sin(angle);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (a[i] <= 0) continue;
                float k = (float) Math.max(0, brightness * (1 + gradient * ((x - w / 2.0) * dx + (y - h / 2.0) * dy) / (w / 2.0)));
                r[i] = Math.min(a[i], r[i] * k);
                g[i] = Math.min(a[i], g[i] * k);
                b[i] = Math.min(a[i], b[i] * k);
            }
    }

    /** Sensor-like noise on the occluder colour. */
    void noise(SplittableRandom rng, double sigma) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] <= 0) continue;
            float n = (float) (gauss(rng) * sigma) * a[i];
            r[i] = clamp(r[i] + n, a[i]);
            g[i] = clamp(g[i] + n, a[i]);
            b[i] = clamp(b[i] + n, a[i]);
        }
    }

    /** Separable Gaussian blur of colour and alpha (defocus / motion-free softening of the occluder edges). */
    void blur(double sigma) {
        if (sigma < 0.2) return;
        int rad = (int) Math.ceil(2.5 * sigma);
        float[] k = new float[2 * rad + 1];
        float s = 0;
        for (int i = -rad; i <= rad; i++) s += k[i + rad] = (float) Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < k.length; i++) k[i] /= s;
        for (float[] ch : new float[][]{r, g, b, a}) {
            float[] tmp = new float[ch.length];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    float v = 0;
                    for (int j = -rad; j <= rad; j++) v += k[j + rad] * ch[y * w + Math.min(w - 1, Math.max(0, x + j))];
                    tmp[y * w + x] = v;
                }
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    float v = 0;
                    for (int j = -rad; j <= rad; j++) v += k[j + rad] * tmp[Math.min(h - 1, Math.max(0, y + j)) * w + x];
                    ch[y * w + x] = v;
                }
        }
    }

    /** Composites onto the face; pixels with alpha below {@link #MASK_ALPHA} stay untouched and outside the mask. */
    Occluded composite(RgbImage face, OccluderType type) {
        if (face.width() != w || face.height() != h)
            throw new IllegalArgumentException("face is " + face.width() + "x" + face.height() + ", layer " + w + "x" + h);
        byte[] src = face.data();
        byte[] out = src.clone();
        byte[] mask = new byte[w * h];
        for (int i = 0; i < mask.length; i++) {
            float al = a[i];
            if (al < MASK_ALPHA) continue;
            mask[i] = 1;
            float k = 1 - Math.min(1f, al);
            out[3 * i] = px(r[i] + (src[3 * i] & 0xff) / 255f * k);
            out[3 * i + 1] = px(g[i] + (src[3 * i + 1] & 0xff) / 255f * k);
            out[3 * i + 2] = px(b[i] + (src[3 * i + 2] & 0xff) / 255f * k);
        }
        return new Occluded(new RgbImage(w, h, out), mask, type);
    }

    private static byte px(float v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    private static float clamp(float v, float max) {
        return Math.max(0, Math.min(max, v));
    }

    public static double gauss(SplittableRandom rng) {
        double u = 1 - rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Colour as a function of image position. */
    interface Paint {
        int rgb(double x, double y);
    }

    /** ARGB as a function of image position. */
    interface RgbaSource {
        int argb(double x, double y);
    }
}
