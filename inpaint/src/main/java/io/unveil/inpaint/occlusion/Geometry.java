package io.unveil.inpaint.occlusion;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small polygon helpers. */
public final class Geometry {
    private Geometry() {
    }

    public static Path2D.Double polygon(List<? extends Point2D> pts) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < pts.size(); i++) {
            if (i == 0) p.moveTo(pts.get(i).getX(), pts.get(i).getY());
            else p.lineTo(pts.get(i).getX(), pts.get(i).getY());
        }
        p.closePath();
        return p;
    }

    /** Monotone-chain convex hull, counter-clockwise. */
    static List<Point2D.Double> convexHull(List<Point2D.Double> in) {
        List<Point2D.Double> pts = new ArrayList<>(in);
        pts.sort(Comparator.<Point2D.Double>comparingDouble(p -> p.x).thenComparingDouble(p -> p.y));
        if (pts.size() < 3) return pts;
        Point2D.Double[] h = new Point2D.Double[2 * pts.size()];
        int k = 0;
        for (Point2D.Double p : pts) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p) <= 0) k--;
            h[k++] = p;
        }
        for (int i = pts.size() - 2, t = k + 1; i >= 0; i--) {
            Point2D.Double p = pts.get(i);
            while (k >= t && cross(h[k - 2], h[k - 1], p) <= 0) k--;
            h[k++] = p;
        }
        List<Point2D.Double> out = new ArrayList<>();
        for (int i = 0; i < k - 1; i++) out.add(h[i]);
        return out;
    }

    private static double cross(Point2D.Double o, Point2D.Double a, Point2D.Double b) {
        return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    }
}
