package io.unveil.inpaint.occlusion;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Occluder outlines in the face frame of {@link Landmarks#local} (origin between the eyes, x along the eye axis, unit =
 * pixel), shared by the research occluder library (random masks and glasses) and the enrollment's fixed occluders
 * ({@link SyntheticOccluder}), so both cover the same parts of a face.
 */
public final class FaceOutlines {
    private FaceOutlines() {
    }

    /**
     * The nose-to-chin region following the jaw line: from {@code top} (a y in the face frame, e.g. the nose bridge,
     * landmark 28) over the jaw points 2-14, pushed out from the nose tip's height by {@code grow} (1 = on the jaw).
     */
    public static Path2D.Double lowerFace(Landmarks lm, double top, double grow) {
        double d = lm.eyeDistance();
        List<Point2D.Double> pts = new ArrayList<>();
        Point2D.Double centre = new Point2D.Double((lm.local(0).x + lm.local(16).x) / 2, lm.local(30).y);
        Point2D.Double j1 = out(lm.local(1), centre, grow), j15 = out(lm.local(15), centre, grow);
        pts.add(new Point2D.Double(j1.x, Math.max(top + 0.15 * d, j1.y)));
        pts.add(new Point2D.Double(lm.local(28).x, top));
        pts.add(new Point2D.Double(j15.x, Math.max(top + 0.15 * d, j15.y)));
        for (int i = 14; i >= 2; i--) pts.add(out(lm.local(i), centre, grow));
        return Geometry.polygon(pts);
    }

    private static Point2D.Double out(Point2D.Double p, Point2D.Double centre, double grow) {
        return new Point2D.Double(centre.x + (p.x - centre.x) * grow, centre.y + (p.y - centre.y) * grow);
    }

    /** Two lenses and the x of their outer edges (where the temples start). */
    public record Lenses(Area area, double[] outerX) {
    }

    /**
     * Glasses' lenses around both eyes: each {@code scale} times the eye's corner-to-corner width, {@code aspect} as
     * high as wide, lowered by {@code drop}; {@code style} 0 = ellipse, 1 = rounded rectangle, 2 = rounder rectangle.
     */
    public static Lenses lenses(Landmarks lm, double scale, double aspect, double drop, int style) {
        Area lenses = new Area();
        double[] outer = new double[2];
        int k = 0;
        for (int[] eye : new int[][]{{36, 39}, {42, 45}}) {
            Point2D.Double ctr = centroid(lm, eye[0], eye[0] + 5);
            double w = lm.local(eye[0]).distance(lm.local(eye[1])) * scale, h = w * aspect;
            Shape lens = switch (style) {
                case 0 -> new Ellipse2D.Double(ctr.x - w / 2, ctr.y + drop - h / 2, w, h);
                case 1 -> new RoundRectangle2D.Double(ctr.x - w / 2, ctr.y + drop - h / 2, w, h, w * 0.5, h * 0.5);
                default -> new RoundRectangle2D.Double(ctr.x - w / 2, ctr.y + drop - h / 2, w, h, w * 0.9, h * 1.2);
            };
            lenses.add(new Area(lens));
            outer[k++] = eye[0] == 36 ? ctr.x - w / 2 : ctr.x + w / 2;
        }
        return new Lenses(lenses, outer);
    }

    /** Mean of landmarks {@code from..to} in the face frame. */
    public static Point2D.Double centroid(Landmarks lm, int from, int to) {
        double x = 0, y = 0;
        for (int i = from; i <= to; i++) {
            x += lm.local(i).x;
            y += lm.local(i).y;
        }
        return new Point2D.Double(x / (to - from + 1), y / (to - from + 1));
    }
}
