package io.unveil.detector.stage;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test scaffolding: frames with "faces" drawn as bright textured squares on a dark background, and a deterministic
 * {@link FaceAnalyzer} that finds exactly those squares (connected column runs of bright pixels) and places a
 * 68-point frontal landmark template in each box. Lets the topology be tested without neural nets.
 */
final class SyntheticFaces implements FaceAnalyzer {
    static final int BRIGHT = 200;

    /** Draws squares (x, y, side) with a random texture (sharp) or a smooth gradient (blurry). */
    static RgbImage frame(int w, int h, boolean sharp, int[]... squares) {
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < d.length; i++) d[i] = 20;
        Random r = new Random(42);
        for (int[] s : squares) {
            for (int y = s[1]; y < s[1] + s[2]; y++) {
                for (int x = s[0]; x < s[0] + s[2]; x++) {
                    int v = sharp ? BRIGHT + 10 + r.nextInt(46) : BRIGHT + 10 + 40 * (x - s[0]) / s[2];
                    int o = (y * w + x) * 3;
                    d[o] = d[o + 1] = d[o + 2] = (byte) v;
                }
            }
        }
        return new RgbImage(w, h, d);
    }

    static byte[] jpeg(int w, int h, boolean sharp, int[]... squares) {
        return Images.encodeJpeg(frame(w, h, sharp, squares), 95);
    }

    @Override
    public List<DetectedFace> detect(RgbImage img) {
        List<DetectedFace> out = new ArrayList<>();
        int x = 0;
        while (x < img.width()) {
            if (!brightColumn(img, x)) {
                x++;
                continue;
            }
            int x0 = x;
            while (x < img.width() && brightColumn(img, x)) x++;
            int y0 = img.height(), y1 = -1;
            for (int y = 0; y < img.height(); y++) {
                for (int c = x0; c < x; c++) {
                    if (img.r(c, y) >= BRIGHT) {
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            Box b = new Box(x0, y0, x - x0, y1 - y0 + 1);
            out.add(new DetectedFace(b, 0.9f, landmarks(b)));
        }
        return out;
    }

    private static boolean brightColumn(RgbImage img, int x) {
        for (int y = 0; y < img.height(); y++) if (img.r(x, y) >= BRIGHT) return true;
        return false;
    }

    /** A frontal 68-point layout (dlib order) inside the box. */
    static float[] landmarks(Box b) {
        double[][] p = new double[68][];
        for (int i = 0; i <= 16; i++) {
            double a = Math.PI * i / 16;
            p[i] = new double[]{0.5 - 0.5 * Math.cos(a), 0.25 + 0.75 * Math.sin(a)};
        }
        for (int i = 0; i < 5; i++) {
            p[17 + i] = new double[]{0.1 + 0.08 * i, 0.18};
            p[22 + i] = new double[]{0.58 + 0.08 * i, 0.18};
        }
        for (int i = 0; i < 4; i++) p[27 + i] = new double[]{0.5, 0.3 + 0.1 * i};
        for (int i = 0; i < 5; i++) p[31 + i] = new double[]{0.4 + 0.05 * i, 0.66};
        for (int e = 0; e < 2; e++) {
            double cx = e == 0 ? 0.3 : 0.7;
            for (int i = 0; i < 6; i++) {
                double a = Math.PI - 2 * Math.PI * i / 6;
                p[36 + 6 * e + i] = new double[]{cx + 0.07 * Math.cos(a), 0.35 - 0.03 * Math.sin(a)};
            }
        }
        for (int i = 0; i < 12; i++) {
            double a = Math.PI - 2 * Math.PI * i / 12;
            p[48 + i] = new double[]{0.5 + 0.18 * Math.cos(a), 0.8 - 0.07 * Math.sin(a)};
        }
        for (int i = 0; i < 8; i++) {
            double a = Math.PI - 2 * Math.PI * i / 8;
            p[60 + i] = new double[]{0.5 + 0.12 * Math.cos(a), 0.8 - 0.03 * Math.sin(a)};
        }
        float[] out = new float[136];
        for (int i = 0; i < 68; i++) {
            out[2 * i] = (float) (b.x() + p[i][0] * b.width());
            out[2 * i + 1] = (float) (b.y() + p[i][1] * b.height());
        }
        return out;
    }

    @Override
    public String model() {
        return "synthetic-squares";
    }

    @Override
    public void close() {
    }
}
