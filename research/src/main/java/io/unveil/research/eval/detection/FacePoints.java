package io.unveil.research.eval.detection;

import io.unveil.core.record.Box;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.Alignment;
import io.unveil.detector.align.FaceAligner;

/** Reference points of a 68-landmark face (iBUG order) and the checks built on them. */
public final class FacePoints {
    /** Landmark regions whose error is reported separately: where the landmark net goes wrong under occluders. */
    public enum Region {
        JAW(0, 16), BROWS(17, 26), NOSE(27, 35), EYES(36, 47), MOUTH(48, 67), ALL(0, 67);

        final int from, to;

        Region(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    private FacePoints() {
    }

    static double[] eyeCentre(float[] lm, boolean imageLeft) {
        int from = imageLeft ? 36 : 42;
        double x = 0, y = 0;
        for (int i = from; i < from + 6; i++) {
            x += lm[2 * i];
            y += lm[2 * i + 1];
        }
        return new double[]{x / 6, y / 6};
    }

    public static double interOcular(float[] lm) {
        double[] l = eyeCentre(lm, true), r = eyeCentre(lm, false);
        return Math.hypot(r[0] - l[0], r[1] - l[1]);
    }

    /** Five points (eye centres, nose tip, mouth corners) as (x,y) pairs, the order YuNet gives them. */
    static double[] five(float[] lm) {
        double[] l = eyeCentre(lm, true), r = eyeCentre(lm, false);
        return new double[]{l[0], l[1], r[0], r[1], lm[60], lm[61], lm[96], lm[97], lm[108], lm[109]};
    }

    /** A detection box covers this face when both eye centres and the nose tip lie inside it (box conventions differ). */
    public static boolean covers(Box b, float[] lm) {
        double[] f = five(lm);
        for (int k = 0; k < 3; k++) {
            double x = f[2 * k], y = f[2 * k + 1];
            if (x < b.x() || y < b.y() || x > b.x() + b.width() || y > b.y() + b.height()) return false;
        }
        return true;
    }

    /** Mean landmark distance over a region, in units of the ground truth's inter-ocular distance. */
    public static double nme(float[] lm, float[] truth, Region r) {
        double iod = interOcular(truth), s = 0;
        for (int i = r.from; i <= r.to; i++) s += Math.hypot(lm[2 * i] - truth[2 * i], lm[2 * i + 1] - truth[2 * i + 1]);
        return s / (r.to - r.from + 1) / iod;
    }

    /**
     * Alignment error of an image -> FACE_128 affine against the ground truth's: where the aligned face's five
     * canonical points (eye centres, nose tip, mouth corners of the template) land in the photo under each, mean
     * distance in units of the ground truth's inter-ocular distance. 0 = the same aligned face.
     */
    static double alignmentError(double[] m, double[] truthM, float[] truth) {
        Alignment a = new Alignment(null, m, null), g = new Alignment(null, truthM, null);
        double s = 0;
        double[] t = canonicalFive();
        for (int k = 0; k < 5; k++) {
            double[] p = a.toSource(t[2 * k], t[2 * k + 1]), q = g.toSource(t[2 * k], t[2 * k + 1]);
            s += Math.hypot(p[0] - q[0], p[1] - q[1]);
        }
        return s / 5 / interOcular(truth);
    }

    /** The template's five points in FACE_128 pixels. */
    static double[] canonicalFive() {
        double[] out = new double[10];
        for (int side = 0; side < 2; side++) {
            double x = 0, y = 0;
            for (int i = 36 + 6 * side; i < 42 + 6 * side; i++) {
                double[] p = FaceAligner.templatePoint(i, AlignTarget.FACE_128);
                x += p[0];
                y += p[1];
            }
            out[2 * side] = x / 6;
            out[2 * side + 1] = y / 6;
        }
        int[] pts = {30, 48, 54};
        for (int k = 0; k < 3; k++) {
            double[] p = FaceAligner.templatePoint(pts[k], AlignTarget.FACE_128);
            out[4 + 2 * k] = p[0];
            out[5 + 2 * k] = p[1];
        }
        return out;
    }
}
