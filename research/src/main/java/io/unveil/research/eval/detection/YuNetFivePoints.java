package io.unveil.research.eval.detection;

import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;

/**
 * An aligned face from YuNet's five points (eye centres, nose tip, mouth corners) or its eyes alone: a least-squares
 * similarity onto where those points sit in the dlib chip that {@link FaceAligner} makes from 68 landmarks. Measured
 * as an alternative to the 68-point alignment on masked faces ({@link DetectionEvaluation}) and not adopted: YuNet's
 * points are too noisy (alignment error 0.09-0.12 inter-ocular distances on unmasked faces against 0.02 for the
 * landmark net on YuNet's box).
 */
public final class YuNetFivePoints {
    /**
     * Where YuNet's five points (image-left eye, image-right eye, nose tip, image-left and image-right mouth corner)
     * sit in the dlib chip made from the 68 landmarks of the same unmasked face, in dlib's unscaled 150-chip
     * coordinates (see {@link FaceAligner#matrixFromPoints}): the mean over 40 photos of TRAIN identities of
     * celeba-subset ({@code unveil eval detection --calibrate 40}; the first two photos of 20 identities). Against
     * dlib's mean face (eye centres about (47.5, 46.6) and (100.5, 46.6), nose tip (73.5, 76.6)) YuNet's eye points sit
     * a pixel higher and 1-2 px further apart, its nose tip 2.4 px lower.
     */
    static final double[] TEMPLATE = {48.41, 45.53, 102.28, 46.23, 76.94, 78.99, 50.64, 101.57, 97.10, 102.38};
    /** The eyes alone: the part of the face a mask, a scarf or a hand over the mouth leaves visible. */
    static final int[] EYES = {0, 1};
    static final int[] ALL = {0, 1, 2, 3, 4};

    private YuNetFivePoints() {
    }

    /** Image -> aligned affine from the given points (indices into the five) of a YuNet face. */
    static double[] matrix(float[] points5, int[] use, AlignTarget target) {
        if (points5 == null || points5.length != 10)
            throw new IllegalArgumentException("expected 5 points (10 floats), got " + (points5 == null ? "null" : points5.length));
        double[] t = new double[2 * use.length], p = new double[2 * use.length];
        for (int k = 0; k < use.length; k++) {
            t[2 * k] = TEMPLATE[2 * use[k]];
            t[2 * k + 1] = TEMPLATE[2 * use[k] + 1];
            p[2 * k] = points5[2 * use[k]];
            p[2 * k + 1] = points5[2 * use[k] + 1];
        }
        return FaceAligner.matrixFromPoints(t, p, target);
    }

    /** dlib's mean face: eye centres (mean of points 36..41, 42..47), nose tip 30, mouth corners 48 and 54. */
    static double[] meanFace() {
        double[] out = new double[10];
        for (int side = 0; side < 2; side++) {
            for (int i = 36 + 6 * side; i < 42 + 6 * side; i++) {
                double[] u = FaceAligner.meanShapeUnit(i);
                out[2 * side] += chip(u[0]) / 6;
                out[2 * side + 1] += chip(u[1]) / 6;
            }
        }
        int[] pts = {30, 48, 54};
        for (int k = 0; k < 3; k++) {
            double[] u = FaceAligner.meanShapeUnit(pts[k]);
            out[4 + 2 * k] = chip(u[0]);
            out[5 + 2 * k] = chip(u[1]);
        }
        return out;
    }

    private static double chip(double unit) {
        return (FaceAligner.PADDING + unit) / (2 * FaceAligner.PADDING + 1) * FaceAligner.CHIP_SIZE;
    }
}
