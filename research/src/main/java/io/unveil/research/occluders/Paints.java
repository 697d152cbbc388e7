package io.unveil.research.occluders;

import io.unveil.core.image.RgbImage;
import java.util.SplittableRandom;

/** Procedural paints (colours and textures) for occluders, all reproducible from the random source. */
final class Paints {
    private Paints() {
    }

    static final int[] SKIN = {0xf1c27d, 0xe0ac69, 0xc68642, 0x8d5524, 0xffdbac, 0xf5cfa0, 0xd1a37c, 0xa0704f,
            0x6b4226, 0xe8b796};
    static final int[] HAIR = {0x0b0806, 0x2c222b, 0x3b3024, 0x4e433f, 0x504444, 0x6a4e42, 0xa7856a, 0xb89778,
            0xdcd0ba, 0x8d4a43, 0x91553d, 0xb55239};
    static final int[] MEDICAL = {0xa9d3e8, 0x8fc1e3, 0xf4f6f8, 0xe6e9ee, 0x1d1d1f, 0xf7c6d0, 0x9ed9c3, 0x7fb2d9,
            0xd8dde3, 0xf5c9cf, 0xf2d6c9, 0xfbe4ea};
    /** Pastel tints that real cloth masks often share with skin (pinks, peach, cream, white). */
    static final int[] PASTEL = {0xf7c6d0, 0xf5b8c4, 0xfbe4ea, 0xf2d6c9, 0xf6e7d8, 0xffffff, 0xf0e6f0, 0xe8c4c0};

    static int randomColor(SplittableRandom rng) {
        float hue = rng.nextFloat(), sat = (float) Math.pow(rng.nextFloat(), 0.7), val = 0.1f + 0.9f * rng.nextFloat();
        return java.awt.Color.HSBtoRGB(hue, sat, val) & 0xffffff;
    }

    static int pick(int[] palette, SplittableRandom rng) {
        return palette[rng.nextInt(palette.length)];
    }

    /** The colour with each channel scaled by a random factor and shifted a little. */
    static int jitter(int rgb, SplittableRandom rng, double amount) {
        double k = 1 + (rng.nextDouble() * 2 - 1) * amount;
        int r = ch(((rgb >> 16) & 0xff) * k + (rng.nextDouble() * 2 - 1) * 40 * amount);
        int g = ch(((rgb >> 8) & 0xff) * k + (rng.nextDouble() * 2 - 1) * 40 * amount);
        int b = ch((rgb & 0xff) * k + (rng.nextDouble() * 2 - 1) * 40 * amount);
        return r << 16 | g << 8 | b;
    }

    static int mix(int c1, int c2, double t) {
        t = Math.max(0, Math.min(1, t));
        int r = ch(((c1 >> 16) & 0xff) * (1 - t) + ((c2 >> 16) & 0xff) * t);
        int g = ch(((c1 >> 8) & 0xff) * (1 - t) + ((c2 >> 8) & 0xff) * t);
        int b = ch((c1 & 0xff) * (1 - t) + (c2 & 0xff) * t);
        return r << 16 | g << 8 | b;
    }

    static int scale(int c, double k) {
        return ch(((c >> 16) & 0xff) * k) << 16 | ch(((c >> 8) & 0xff) * k) << 8 | ch((c & 0xff) * k);
    }

    static int ch(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    static Layer.Paint solid(int rgb) {
        return (x, y) -> rgb;
    }

    static Layer.Paint stripes(int c1, int c2, double period, double angle, double duty) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        return (x, y) -> {
            double u = (x * cos + y * sin) / period;
            return u - Math.floor(u) < duty ? c1 : c2;
        };
    }

    static Layer.Paint checks(int c1, int c2, double period, double angle) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        return (x, y) -> {
            long u = (long) Math.floor((x * cos + y * sin) / period), v = (long) Math.floor((-x * sin + y * cos) / period);
            return ((u + v) & 1) == 0 ? c1 : c2;
        };
    }

    static Layer.Paint dots(int bg, int dot, double spacing, double radius) {
        return (x, y) -> {
            double u = x / spacing - Math.floor(x / spacing) - 0.5, v = y / spacing - Math.floor(y / spacing) - 0.5;
            return Math.hypot(u, v) * spacing < radius ? dot : bg;
        };
    }

    static Layer.Paint gradient(int c1, int c2, double angle, double length) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        return (x, y) -> mix(c1, c2, 0.5 + ((x - 64) * cos + (y - 64) * sin) / length);
    }

    /** Smooth value noise between two colours at the given feature scale (pixels); stretch > 1 elongates along y. */
    static Layer.Paint noise(int c1, int c2, double scale, double stretch, long seed) {
        return (x, y) -> mix(c1, c2, valueNoise(x / scale, y / (scale * stretch), seed) * 0.7
                + valueNoise(x / (scale / 3), y / (scale * stretch / 3), seed + 1) * 0.3);
    }

    /** Pleated surgical mask: base colour with darker horizontal folds. */
    static Layer.Paint pleats(int base, double period, double angle) {
        int dark = scale(base, 0.82);
        double cos = Math.cos(angle), sin = Math.sin(angle);
        return (x, y) -> {
            double v = (-x * sin + y * cos) / period;
            double f = v - Math.floor(v);
            return f < 0.12 ? dark : mix(base, dark, f * 0.25);
        };
    }

    /** Samples an image patch, scaled and rotated, mirrored at the borders. */
    static Layer.Paint image(RgbImage img, double cx, double cy, double scale, double angle) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        return (x, y) -> {
            double dx = x - cx, dy = y - cy;
            double u = (dx * cos + dy * sin) / scale + img.width() / 2.0, v = (-dx * sin + dy * cos) / scale + img.height() / 2.0;
            int ix = mirror((int) Math.floor(u), img.width()), iy = mirror((int) Math.floor(v), img.height());
            return img.r(ix, iy) << 16 | img.g(ix, iy) << 8 | img.b(ix, iy);
        };
    }

    private static int mirror(int i, int n) {
        int p = Math.floorMod(i, 2 * n);
        return p < n ? p : 2 * n - 1 - p;
    }

    /** A random procedural texture: solid, stripes, checks, dots, noise or gradient. */
    static Layer.Paint randomTexture(SplittableRandom rng) {
        int c1 = randomColor(rng), c2 = rng.nextInt(3) == 0 ? jitter(c1, rng, 0.4) : randomColor(rng);
        double angle = rng.nextDouble() * Math.PI;
        return switch (rng.nextInt(6)) {
            case 0 -> solid(c1);
            case 1 -> stripes(c1, c2, 3 + rng.nextDouble() * 12, angle, 0.3 + rng.nextDouble() * 0.4);
            case 2 -> checks(c1, c2, 3 + rng.nextDouble() * 10, angle);
            case 3 -> dots(c1, c2, 5 + rng.nextDouble() * 8, 1 + rng.nextDouble() * 2.5);
            case 4 -> noise(c1, c2, 2 + rng.nextDouble() * 14, 0.5 + rng.nextDouble() * 2, rng.nextLong());
            default -> gradient(c1, c2, angle, 30 + rng.nextDouble() * 120);
        };
    }

    static double valueNoise(double x, double y, long seed) {
        long x0 = (long) Math.floor(x), y0 = (long) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        double a = hash(x0, y0, seed), b = hash(x0 + 1, y0, seed), c = hash(x0, y0 + 1, seed), d = hash(x0 + 1, y0 + 1, seed);
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private static double hash(long x, long y, long seed) {
        long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
