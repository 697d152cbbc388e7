package io.unveil.detector.align;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Aligns a face from its 68 landmarks (iBUG/dlib order, frame pixels) the way dlib's
 * {@code extract_image_chip(img, get_face_chip_details(shape, 150, 0.25))} does: a least-squares similarity transform
 * (Umeyama, no reflection) from dlib's 68-point mean face (points 27..54 and 60..64: nose, eyes, outer lips' upper
 * part and inner upper lip; eyebrows, jaw and lower lip are ignored) to the landmarks, then dlib's chip mapping (chip
 * corner pixels (0,0) and (149,0) sit on the corners of the rotated extraction rectangle), sampled bilinearly with
 * OpenCV {@code warpAffine} (black outside the frame). Faces much larger than the chip are first shrunk with an
 * area filter (as dlib's pyramid does) so the chip does not alias.
 *
 * <p>Canonical positions (mean-face template, pixels of the aligned image, x right / y down):
 * <table>
 * <caption>template landmarks in aligned images</caption>
 * <tr><th></th><th>CHIP_150</th><th>FACE_128</th></tr>
 * <tr><td>left eye centre (mean of points 36..41, image left)</td><td>(47.2, 46.3)</td><td>(40.2, 39.4)</td></tr>
 * <tr><td>right eye centre (mean of 42..47)</td><td>(99.8, 46.3)</td><td>(85.1, 39.4)</td></tr>
 * <tr><td>nose tip (point 30)</td><td>(73.5, 76.1)</td><td>(62.7, 64.8)</td></tr>
 * <tr><td>mouth centre (mean of 48 and 54)</td><td>(73.5, 102.3)</td><td>(62.7, 87.3)</td></tr>
 * <tr><td>mouth corners (points 48, 54)</td><td>(50.1, 102.3), (97.0, 102.3)</td><td>(42.7, 87.3), (82.7, 87.3)</td></tr>
 * </table>
 * {@link #templatePoint(int, AlignTarget)} gives any of them exactly; {@code FaceAlignerTest} checks this table.
 */
public final class FaceAligner {
    public static final int CHIP_SIZE = 150;
    public static final double PADDING = 0.25;

    /** dlib's average positions of face points 17..67 in the unit square (dlib/image_transforms/interpolation.h). */
    static final double[] MEAN_X = {
            0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124,
            0.904991, 0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036,
            0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606, 0.260918,
            0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149,
            0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104, 0.642159, 0.556721,
            0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157, 0.689874,
            0.553364, 0.490127, 0.42689};
    static final double[] MEAN_Y = {
            0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891,
            0.0187482, 0.038915, 0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326,
            0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852, 0.231733,
            0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099,
            0.780233, 0.745405, 0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805,
            0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746, 0.785343, 0.778746,
            0.784792, 0.824182, 0.831803, 0.824182};

    private FaceAligner() {
    }

    /** True for the landmarks dlib fits the similarity on (27..54 and 60..64). */
    static boolean used(int i) {
        return i >= 27 && i <= 67 && !(i >= 55 && i <= 59) && !(i >= 65);
    }

    /** Where mean-face point {@code i} (17..67) lands in the aligned image of the given target. */
    /** dlib's mean-face position of point i (17..67) in its unit square, before padding and scaling. */
    public static double[] meanShapeUnit(int i) {
        if (i < 17 || i > 67) throw new IllegalArgumentException("the mean face has points 17..67, not " + i);
        return new double[]{MEAN_X[i - 17], MEAN_Y[i - 17]};
    }

    public static double[] templatePoint(int i, AlignTarget target) {
        if (i < 17 || i > 67) throw new IllegalArgumentException("the mean face has points 17..67, not " + i);
        double vx = (PADDING + MEAN_X[i - 17]) / (2 * PADDING + 1) * CHIP_SIZE;
        double vy = (PADDING + MEAN_Y[i - 17]) / (2 * PADDING + 1) * CHIP_SIZE;
        // dlib maps the rect corners onto pixels 0 and size-1: template chip coordinate v lands at v*(size-1)/size
        double k = (CHIP_SIZE - 1.0) / CHIP_SIZE;
        return toTarget(vx * k, vy * k, target);
    }

    private static double[] toTarget(double u150, double v150, AlignTarget target) {
        if (target.size() == CHIP_SIZE) return new double[]{u150, v150};
        double s = (double) target.size() / CHIP_SIZE;
        return new double[]{(u150 + 0.5) * s - 0.5, (v150 + 0.5) * s - 0.5};
    }

    /** The image -> aligned affine (row-major 2x3) for these landmarks. */
    public static double[] matrix(float[] landmarks68, AlignTarget target) {
        if (landmarks68 == null || landmarks68.length != 136)
            throw new IllegalArgumentException("expected 68 landmarks (136 floats), got " + (landmarks68 == null ? "null" : landmarks68.length));
        for (float f : landmarks68) if (!Float.isFinite(f)) throw new IllegalArgumentException("landmarks contain NaN/Inf");
        int n = 0;
        for (int i = 17; i < 68; i++) if (used(i)) n++;
        double[] template = new double[2 * n], image = new double[2 * n];
        int k = 0;
        for (int i = 17; i < 68; i++) {
            if (!used(i)) continue;
            template[2 * k] = (PADDING + MEAN_X[i - 17]) / (2 * PADDING + 1) * CHIP_SIZE;
            template[2 * k + 1] = (PADDING + MEAN_Y[i - 17]) / (2 * PADDING + 1) * CHIP_SIZE;
            image[2 * k] = landmarks68[2 * i];
            image[2 * k + 1] = landmarks68[2 * i + 1];
            k++;
        }
        return fitted(template, image, target);
    }

    /**
     * The image -> aligned affine that puts the given image points where the template points are, least squares
     * (similarity, no reflection), with dlib's chip mapping: the same geometry {@link #matrix} gives when the
     * template points are dlib mean-face positions. {@code templateChip} holds (x,y) pairs in dlib's unscaled
     * 150-chip coordinates (before the (size-1)/size pixel-centre factor, as {@link #templatePoint} applies it);
     * {@code imagePoints} the matching (x,y) pairs in frame pixels.
     */
    public static double[] matrixFromPoints(double[] templateChip, double[] imagePoints, AlignTarget target) {
        if (templateChip.length != imagePoints.length || templateChip.length < 4 || templateChip.length % 2 != 0)
            throw new IllegalArgumentException("need at least two matching (x,y) pairs");
        for (double f : imagePoints) if (!Double.isFinite(f)) throw new IllegalArgumentException("points contain NaN/Inf");
        return fitted(templateChip, imagePoints, target);
    }

    private static double[] fitted(double[] template, double[] image, AlignTarget target) {
        // least-squares similarity chip(template) -> image: img = s*R*v + t
        double[] f;
        try {
            f = SimilarityFit.fit(template, image);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("degenerate landmarks (all points coincide)");
        }
        double sc = f[0], ss = f[1]; // s*cos, s*sin
        double scale = Math.hypot(sc, ss);
        if (!(scale > 1e-6)) throw new IllegalArgumentException("degenerate landmarks (all points coincide)");
        double angle = Math.atan2(ss, sc);
        // centre of the chip in the image: tform(size/2, size/2)
        double half = CHIP_SIZE / 2.0;
        double cx = sc * half - ss * half + f[2];
        double cy = ss * half + sc * half + f[3];
        // dlib chip mapping: image = c + scale*R(angle)*(u*size/(size-1) - size/2); invert it
        double k = (CHIP_SIZE - 1.0) / (CHIP_SIZE * scale);
        double cos = Math.cos(angle), sin = Math.sin(angle);
        // u = k * R(-angle) * (img - c) + (size-1)/2
        double m00 = k * cos, m01 = k * sin, m10 = -k * sin, m11 = k * cos;
        double off = (CHIP_SIZE - 1.0) / 2.0;
        double tx = off - (m00 * cx + m01 * cy), ty = off - (m10 * cx + m11 * cy);
        if (target.size() != CHIP_SIZE) {
            double s = (double) target.size() / CHIP_SIZE;
            m00 *= s;
            m01 *= s;
            m10 *= s;
            m11 *= s;
            tx = (tx + 0.5) * s - 0.5;
            ty = (ty + 0.5) * s - 0.5;
        }
        return new double[]{m00, m01, tx, m10, m11, ty};
    }

    /**
     * Frame landmarks mapped into {@code target} with the aligner's own transform (the same similarity
     * {@link #align} warps the image with); null when absent or degenerate. The inpaint stage uses it to place the
     * eyes, nose and mouth in the aligned face it estimates occlusion on.
     */
    public static float[] alignedLandmarks(float[] frameLandmarks, AlignTarget target) {
        if (frameLandmarks == null || frameLandmarks.length != 136) return null;
        try {
            return apply(matrix(frameLandmarks, target), frameLandmarks);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Frame landmarks mapped by an image -> aligned affine. */
    public static float[] apply(double[] m, float[] landmarks68) {
        float[] out = new float[136];
        for (int p = 0; p < 68; p++) {
            double x = landmarks68[2 * p], y = landmarks68[2 * p + 1];
            out[2 * p] = (float) (m[0] * x + m[1] * y + m[2]);
            out[2 * p + 1] = (float) (m[3] * x + m[4] * y + m[5]);
        }
        return out;
    }

    /** Warps the face into the target geometry. */
    public static Alignment align(RgbImage image, float[] landmarks68, AlignTarget target) {
        double[] m = matrix(landmarks68, target);
        return new Alignment(warp(image, m, target), m, apply(m, landmarks68));
    }

    /** The image warped into the target by an image -> aligned affine (from {@link #matrix} or {@link #matrixFromPoints}). */
    public static RgbImage warp(RgbImage image, double[] m, AlignTarget target) {
        int size = target.size();
        // image pixels per output pixel; shrink first (area filter) when the face is much larger than the output
        double pxPerOut = 1.0 / Math.hypot(m[0], m[3]);
        RgbImage src = image;
        double[] mm = m.clone();
        int factor = (int) Math.floor(pxPerOut / 1.5);
        if (factor >= 2) {
            int w = Math.max(1, image.width() / factor), h = Math.max(1, image.height() / factor);
            double fx = (double) image.width() / w, fy = (double) image.height() / h;
            src = Images.resize(image, w, h);
            // a shrunk pixel centre (x'+0.5)*f - 0.5 in the original: fold into the matrix
            mm[2] = m[0] * (0.5 * fx - 0.5) + m[1] * (0.5 * fy - 0.5) + m[2];
            mm[5] = m[3] * (0.5 * fx - 0.5) + m[4] * (0.5 * fy - 0.5) + m[5];
            mm[0] = m[0] * fx;
            mm[1] = m[1] * fy;
            mm[3] = m[3] * fx;
            mm[4] = m[4] * fy;
        }
        RgbImage out;
        try (Mat bgr = Images.toBgrMat(src); Mat dst = new Mat(); Mat mat = new Mat(2, 3, CV_64F)) {
            DoubleIndexer idx = mat.createIndexer();
            for (int r = 0; r < 2; r++) for (int c = 0; c < 3; c++) idx.put(r, c, mm[r * 3 + c]);
            idx.release();
            warpAffine(bgr, dst, mat, new Size(size, size), INTER_LINEAR, BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
            out = Images.fromBgrMat(dst);
        }
        return out;
    }
}
