package io.unveil.inpaint.occlusion;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;

/** Geometry helpers over 68 (x, y) landmark pairs of an aligned face. */
public final class Landmarks {
    final float[] lm;

    public Landmarks(float[] lm) {
        if (lm == null || lm.length != 136) throw new IllegalArgumentException("expected 136 landmark values (68 x,y)");
        for (float v : lm)
            if (!Float.isFinite(v)) throw new IllegalArgumentException("landmarks contain NaN/Inf");
        this.lm = lm;
    }

    double x(int i) {
        return lm[2 * i];
    }

    double y(int i) {
        return lm[2 * i + 1];
    }

    public Point2D.Double p(int i) {
        return new Point2D.Double(x(i), y(i));
    }

    Point2D.Double centroid(int from, int toInclusive) {
        double sx = 0, sy = 0;
        for (int i = from; i <= toInclusive; i++) {
            sx += x(i);
            sy += y(i);
        }
        int n = toInclusive - from + 1;
        return new Point2D.Double(sx / n, sy / n);
    }

    Point2D.Double leftEye() {
        return centroid(36, 41);
    }

    Point2D.Double rightEye() {
        return centroid(42, 47);
    }

    Point2D.Double eyeMid() {
        Point2D.Double l = leftEye(), r = rightEye();
        return new Point2D.Double((l.x + r.x) / 2, (l.y + r.y) / 2);
    }

    Point2D.Double mouth() {
        return centroid(48, 59);
    }

    /** Interocular distance, the scale unit of all occluders. */
    public double eyeDistance() {
        return leftEye().distance(rightEye());
    }

    /** Roll of the eye axis, radians. */
    double roll() {
        Point2D.Double l = leftEye(), r = rightEye();
        return Math.atan2(r.y - l.y, r.x - l.x);
    }

    /**
     * Transform from the face frame (origin between the eyes, x along the eye axis, y down, unit = pixel) to image
     * pixels.
     */
    public AffineTransform faceToImage() {
        Point2D.Double m = eyeMid();
        AffineTransform t = AffineTransform.getTranslateInstance(m.x, m.y);
        t.rotate(roll());
        return t;
    }

    /** Landmark i in the face frame. */
    public Point2D.Double local(int i) {
        Point2D.Double m = eyeMid();
        double a = -roll(), dx = x(i) - m.x, dy = y(i) - m.y;
        return new Point2D.Double(dx * Math.cos(a) - dy * Math.sin(a), dx * Math.sin(a) + dy * Math.cos(a));
    }
}
