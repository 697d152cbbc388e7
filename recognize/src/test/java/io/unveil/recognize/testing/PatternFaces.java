package io.unveil.recognize.testing;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.Face;
import io.unveil.core.record.Quality;
import java.util.Random;

/** Synthetic "people" for tests: each person is an 8x8 grid of random colours; a sighting adds pixel noise. */
public final class PatternFaces {
    private PatternFaces() {
    }

    public static RgbImage chip(long person, long noiseSeed, int noise) {
        java.util.SplittableRandom p = new java.util.SplittableRandom(person * 0x9E3779B97F4A7C15L + 12345);
        int[][] cells = new int[64][3];
        for (int[] c : cells) for (int k = 0; k < 3; k++) c[k] = 30 + p.nextInt(196);
        Random r = new Random(noiseSeed);
        int size = 150;
        byte[] d = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int[] c = cells[(y * 8 / size) * 8 + x * 8 / size];
                for (int k = 0; k < 3; k++) {
                    int v = c[k] + (noise == 0 ? 0 : r.nextInt(2 * noise + 1) - noise);
                    d[(y * size + x) * 3 + k] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new RgbImage(size, size, d);
    }

    public static float[] centroid(long person) {
        return PatternEmbedder.describe(chip(person, 0, 0));
    }

    public static Face face(String camera, long track, long seq, long timeMs, long person, float quality) {
        RgbImage c = chip(person, seq * 31 + track, 25);
        byte[] png = Images.encodePng(c);
        return new Face(camera + "-" + seq + "-" + track, camera, seq, timeMs, 640, 480, track,
                new Box(100, 80, 120, 140), 0.9f, new float[136], new Quality(120, 200, 0, 0, 0, quality),
                Images.encodePng(Images.resize(c, 128, 128)), png, null, null, false);
    }
}
