package io.unveil.inpaint.occlusion;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Face regions of an aligned face from its 68 landmarks, rasterized as 0/1 masks (pixel centres inside): eyes, nose,
 * mouth, mouth-chin and the whole face. Per-region occlusion ratios and the evaluation criteria use these.
 */
public final class FaceRegions {
    public enum Region { EYES, NOSE, MOUTH, MOUTH_CHIN, FACE }

    private final int width;
    private final int height;
    private final Landmarks lm;

    public FaceRegions(float[] landmarks, int width, int height) {
        this.lm = new Landmarks(landmarks);
        this.width = width;
        this.height = height;
    }

    public byte[] mask(Region region) {
        return Raster.rasterize(shape(region), width, height);
    }

    /** Share of the region's pixels that are set in {@code occlusionMask} (0 when the region is empty). */
    public float coverage(Region region, byte[] occlusionMask) {
        byte[] r = mask(region);
        int in = 0, hit = 0;
        for (int i = 0; i < r.length; i++) {
            if (r[i] != 0) {
                in++;
                if (occlusionMask[i] != 0) hit++;
            }
        }
        return in == 0 ? 0f : hit / (float) in;
    }

    public Shape shape(Region region) {
        return switch (region) {
            case EYES -> eyes();
            case NOSE -> hull(new int[]{27, 28, 29, 30, 31, 32, 33, 34, 35}, 1.35);
            case MOUTH -> hull(range(48, 59), 1.2);
            case MOUTH_CHIN -> hull(concat(range(48, 59), range(5, 11)), 1.0);
            case FACE -> hull(range(0, 67), 1.0);
        };
    }

    private Shape eyes() {
        Path2D.Double p = new Path2D.Double();
        for (int[] eye : new int[][]{{36, 39}, {42, 45}}) {
            Point2D.Double c = lm.centroid(eye[0], eye[0] + 5);
            double w = lm.p(eye[0]).distance(lm.p(eye[1]));
            double a = 0.85 * w, b = 0.45 * w;
            Shape e = new Ellipse2D.Double(-a, -b, 2 * a, 2 * b);
            AffineTransform t = AffineTransform.getTranslateInstance(c.x, c.y);
            t.rotate(Math.atan2(lm.y(eye[1]) - lm.y(eye[0]), lm.x(eye[1]) - lm.x(eye[0])));
            p.append(t.createTransformedShape(e), false);
        }
        return p;
    }

    private Shape hull(int[] idx, double scale) {
        List<Point2D.Double> pts = new ArrayList<>();
        double cx = 0, cy = 0;
        for (int i : idx) {
            cx += lm.x(i);
            cy += lm.y(i);
        }
        cx /= idx.length;
        cy /= idx.length;
        for (int i : idx) pts.add(new Point2D.Double(cx + (lm.x(i) - cx) * scale, cy + (lm.y(i) - cy) * scale));
        return Geometry.polygon(Geometry.convexHull(pts));
    }

    static int[] range(int from, int toInclusive) {
        int[] r = new int[toInclusive - from + 1];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
