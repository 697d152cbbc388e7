package io.unveil.detector.align;

import io.unveil.core.image.RgbImage;

/**
 * An aligned face: the warped image, the 2x3 affine that maps source-image pixels to aligned pixels (row-major
 * {@code [a, b, tx, c, d, ty]}: {@code u = a*x + b*y + tx, v = c*x + d*y + ty}), and the 68 landmarks (136 floats)
 * in aligned pixels.
 */
public record Alignment(RgbImage image, double[] matrix2x3, float[] alignedLandmarks) {
    /** Maps a source-image point into the aligned image. */
    public double[] toAligned(double x, double y) {
        double[] m = matrix2x3;
        return new double[]{m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]};
    }

    /** Maps an aligned-image point back into the source image. */
    public double[] toSource(double u, double v) {
        double[] m = matrix2x3;
        double det = m[0] * m[4] - m[1] * m[3];
        double du = u - m[2], dv = v - m[5];
        return new double[]{(m[4] * du - m[1] * dv) / det, (-m[3] * du + m[0] * dv) / det};
    }
}
