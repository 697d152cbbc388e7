package io.unveil.inpaint.occlusion;

import io.unveil.detector.align.FaceAligner;

/**
 * The mean 68-point face in FACE_128 coordinates: dlib's mean face shape (points 17-67, the template
 * {@code get_face_chip_details} aligns to, padding 0.25) scaled to 128 px, with a jaw line (points 0-16, not part of
 * dlib's template) set to typical proportions. Used where no detected landmarks are available (tests, fallbacks).
 */
public final class MeanFace {
    /** Left half of the jaw (points 0-8) in the same normalized units; 9-16 mirror it. */
    private static final double[][] JAW = {
            {-0.03, 0.20}, {-0.02, 0.33}, {0.0, 0.46}, {0.03, 0.59}, {0.08, 0.71}, {0.15, 0.82}, {0.24, 0.91},
            {0.36, 0.99}, {0.490127, 1.02}};
    private static final double PADDING = 0.25;

    private MeanFace() {
    }

    /** 68 (x, y) pairs for a square aligned face of the given size (128 for FACE_128, 150 for CHIP_150). */
    public static float[] landmarks(int size) {
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) {
            double x, y;
            if (i < 17) {
                int k = i <= 8 ? i : 16 - i;
                x = i <= 8 ? JAW[k][0] : 2 * 0.490127 - JAW[k][0];
                y = JAW[k][1];
            } else {
                double[] unit = FaceAligner.meanShapeUnit(i);
                x = unit[0];
                y = unit[1];
            }
            lm[2 * i] = (float) ((PADDING + x) / (2 * PADDING + 1) * size);
            lm[2 * i + 1] = (float) ((PADDING + y) / (2 * PADDING + 1) * size);
        }
        return lm;
    }

    public static float[] landmarks128() {
        return landmarks(128);
    }
}
