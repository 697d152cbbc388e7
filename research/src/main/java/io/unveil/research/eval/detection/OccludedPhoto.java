package io.unveil.research.eval.detection;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.Alignment;
import io.unveil.detector.align.FaceAligner;
import io.unveil.research.occluders.Occluded;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;

/**
 * A synthetic occluder on a whole photo: the face is aligned to FACE_128 from its 68 landmarks, the occluder is drawn
 * there ({@link Occluders}, exact mask), and the occluded pixels are mapped back into the photo through the inverse
 * of the alignment (bilinear), so a detector sees the occluder at the face's own scale and roll. Pixels outside the
 * occluder's mask are untouched.
 */
public final class OccludedPhoto {
    private OccludedPhoto() {
    }

    public static RgbImage draw(RgbImage photo, float[] landmarks68, OccluderType type, long seed) {
        Alignment al = FaceAligner.align(photo, landmarks68, AlignTarget.FACE_128);
        Occluded occ = Occluders.apply(al.image(), al.alignedLandmarks(), type, seed);
        int n = AlignTarget.FACE_128.size();
        // the photo area the aligned square covers: bounding box of its four corners mapped back
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int[] c : new int[][]{{0, 0}, {n - 1, 0}, {0, n - 1}, {n - 1, n - 1}}) {
            double[] p = al.toSource(c[0], c[1]);
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        byte[] out = photo.data().clone();
        RgbImage src = occ.image();
        int x0 = Math.max(0, (int) Math.floor(minX)), x1 = Math.min(photo.width() - 1, (int) Math.ceil(maxX));
        int y0 = Math.max(0, (int) Math.floor(minY)), y1 = Math.min(photo.height() - 1, (int) Math.ceil(maxY));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double[] uv = al.toAligned(x, y);
                int u = (int) Math.round(uv[0]), v = (int) Math.round(uv[1]);
                if (u < 0 || v < 0 || u >= n || v >= n || !occ.masked(u, v)) continue;
                int o = (y * photo.width() + x) * 3;
                for (int c = 0; c < 3; c++) out[o + c] = (byte) Math.round(bilinear(src, uv[0], uv[1], c));
            }
        }
        return new RgbImage(photo.width(), photo.height(), out);
    }

    private static double bilinear(RgbImage img, double x, double y, int c) {
        int w = img.width(), h = img.height();
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int xa = (int) Math.floor(x), ya = (int) Math.floor(y);
        int xb = Math.min(w - 1, xa + 1), yb = Math.min(h - 1, ya + 1);
        double fx = x - xa, fy = y - ya;
        double top = at(img, xa, ya, c) * (1 - fx) + at(img, xb, ya, c) * fx;
        double bottom = at(img, xa, yb, c) * (1 - fx) + at(img, xb, yb, c) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static int at(RgbImage img, int x, int y, int c) {
        return img.data()[(y * img.width() + x) * 3 + c] & 0xff;
    }
}
