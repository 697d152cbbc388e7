package io.unveil.gallery.enroll;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.Quality;

/**
 * Quality of one enrollment face from its box, 68 landmarks and recognizer chip: size (shorter box side), sharpness
 * (variance of the 4-neighbour Laplacian of the grey chip), yaw and roll from the landmarks (nose tip against the eye
 * corners; eye line angle), and an overall score in [0,1].
 */
public final class FaceQuality {
    private FaceQuality() {
    }

    public static Quality of(Box box, float[] lm, RgbImage chip) {
        float size = Math.min(box.width(), box.height());
        float sharp = sharpness(chip);
        float yaw = yawDeg(lm);
        float roll = rollDeg(lm);
        float pitch = pitchDeg(lm);
        float score = clamp(size / 100f) * clamp(sharp / 150f) * (float) Math.max(0, Math.cos(Math.toRadians(yaw)))
                * (float) Math.max(0, Math.cos(Math.toRadians(pitch)));
        return new Quality(size, sharp, yaw, pitch, roll, score);
    }

    static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    /** Variance of the Laplacian of the grey image. */
    public static float sharpness(RgbImage img) {
        int w = img.width(), h = img.height();
        float[] g = new float[w * h];
        byte[] d = img.data();
        for (int i = 0; i < w * h; i++)
            g[i] = 0.299f * (d[3 * i] & 0xff) + 0.587f * (d[3 * i + 1] & 0xff) + 0.114f * (d[3 * i + 2] & 0xff);
        double s = 0, s2 = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                float lap = g[i - 1] + g[i + 1] + g[i - w] + g[i + w] - 4 * g[i];
                s += lap;
                s2 += lap * lap;
                n++;
            }
        }
        if (n == 0) return 0f;
        double mean = s / n;
        return (float) (s2 / n - mean * mean);
    }

    static float x(float[] lm, int i) {
        return lm[2 * i];
    }

    static float y(float[] lm, int i) {
        return lm[2 * i + 1];
    }

    /** Yaw from where the nose tip (30) sits between the outer eye corners (36, 45): 0 frontal, +-90 profile. */
    public static float yawDeg(float[] lm) {
        if (lm == null || lm.length < 136) return 0f;
        float l = x(lm, 36), r = x(lm, 45), n = x(lm, 30);
        float span = r - l;
        if (Math.abs(span) < 1e-3f) return 90f;
        float t = (n - l) / span; // 0.5 frontal
        float s = Math.max(-1f, Math.min(1f, (t - 0.5f) * 2f));
        return (float) Math.toDegrees(Math.asin(s));
    }

    public static float rollDeg(float[] lm) {
        if (lm == null || lm.length < 136) return 0f;
        return (float) Math.toDegrees(Math.atan2(y(lm, 45) - y(lm, 36), x(lm, 45) - x(lm, 36)));
    }

    /** Rough pitch from the nose tip's height between the eye line and the mouth corners (about 0.45 when level). */
    public static float pitchDeg(float[] lm) {
        if (lm == null || lm.length < 136) return 0f;
        float eyes = (y(lm, 36) + y(lm, 45)) / 2, mouth = (y(lm, 48) + y(lm, 54)) / 2, nose = y(lm, 30);
        float span = mouth - eyes;
        if (Math.abs(span) < 1e-3f) return 90f;
        float t = (nose - eyes) / span;
        float s = Math.max(-1f, Math.min(1f, (t - 0.45f) * 2.5f));
        return (float) Math.toDegrees(Math.asin(s));
    }
}
