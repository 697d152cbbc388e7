package io.unveil.inpaint.occlusion;

/**
 * The mean 68-point face in FACE_128 coordinates: dlib's mean face shape (points 17-67, the template
 * {@code get_face_chip_details} aligns to, padding 0.25) scaled to 128 px, with a jaw line (points 0-16, not part of
 * dlib's template) set to typical proportions. Used where no detected landmarks are available (tests, fallbacks).
 */
public final class MeanFace {
    private static final double[] X = {
            0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124,
            0.904991, 0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036,
            0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606, 0.260918,
            0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149,
            0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104, 0.642159, 0.556721,
            0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157, 0.689874,
            0.553364, 0.490127, 0.42689};
    private static final double[] Y = {
            0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891,
            0.0187482, 0.038915, 0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326,
            0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852, 0.231733,
            0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099,
            0.780233, 0.745405, 0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805,
            0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746, 0.785343, 0.778746,
            0.784792, 0.824182, 0.831803, 0.824182};
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
                x = X[i - 17];
                y = Y[i - 17];
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
