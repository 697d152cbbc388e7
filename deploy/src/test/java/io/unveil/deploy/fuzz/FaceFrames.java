package io.unveil.deploy.fuzz;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.stage.FaceCropper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test scaffolding for the fuzz run: frames with one "face" (a bright textured square on a dark background) and an
 * analyzer that finds such squares and places a frontal 68-point layout in each, so 10,000 records run in seconds
 * without neural nets. Crops go through the real {@link FaceAligner}. (The run with the real face-api detector on real
 * faces is {@code FuzzDetectorTest#realDetectorOnRealFacesAmidFuzz}.)
 */
final class FaceFrames implements FaceAnalyzer {
    static final int BRIGHT = 200;

    static RgbImage frame(int w, int h, int[] square) {
        byte[] d = new byte[w * h * 3];
        java.util.Arrays.fill(d, (byte) 20);
        Random r = new Random(7);
        for (int y = square[1]; y < square[1] + square[2]; y++) {
            for (int x = square[0]; x < square[0] + square[2]; x++) {
                int o = (y * w + x) * 3;
                d[o] = d[o + 1] = d[o + 2] = (byte) (BRIGHT + 10 + r.nextInt(46));
            }
        }
        return new RgbImage(w, h, d);
    }

    @Override
    public List<DetectedFace> detect(RgbImage img) {
        int x0 = img.width(), y0 = img.height(), x1 = -1, y1 = -1;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                if (img.r(x, y) >= BRIGHT) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        List<DetectedFace> out = new ArrayList<>();
        if (x1 - x0 >= 8 && y1 - y0 >= 8) {
            Box b = new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
            out.add(new DetectedFace(b, 0.9f, landmarks(b)));
        }
        return out;
    }

    @Override
    public String model() {
        return "face-frames";
    }

    @Override
    public void close() {
    }

    /** The real aligner: FACE_128 and CHIP_150 from the landmarks. */
    static FaceCropper alignerCropper() {
        return (frame, lm) -> new FaceCropper.Crops(FaceAligner.align(frame, lm, AlignTarget.FACE_128).image(),
                FaceAligner.align(frame, lm, AlignTarget.CHIP_150).image());
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
}
