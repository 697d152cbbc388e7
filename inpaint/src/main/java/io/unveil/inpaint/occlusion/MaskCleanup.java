package io.unveil.inpaint.occlusion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * From per-pixel probabilities to the shape of the objects that hide the face. Occluders are solid and connected,
 * yet the estimator is least sure where an occluder looks like skin (pink or printed masks, folds, the white of an
 * N95 in shadow). Two rules:
 * <ul>
 * <li>hysteresis: a pixel at or above {@code high} is occluded, and so is a pixel at or above {@code low} that is
 * connected to one through such pixels; a clean face has no confident seed to grow from;</li>
 * <li>enclosed holes (visible pixels that no path of visible pixels connects to the image border) are occluded too,
 * except holes that touch the eyes: an eye seen through a glasses frame stays visible.</li>
 * </ul>
 * A convex-hull fill of lower-face components was measured and dropped: real and synthetic masks have concave top
 * edges (ear loops, the dip under the eyes), and their hulls spill over the cheeks and eyes.
 */
public final class MaskCleanup {
    private MaskCleanup() {
    }

    /** Hysteresis thresholding (4-connected growth from the pixels at or above {@code high}). */
    public static byte[] hysteresis(float[] prob, float high, float low, int w, int h) {
        byte[] m = new byte[prob.length];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int i = 0; i < prob.length; i++)
            if (prob[i] >= high) {
                m[i] = 1;
                q.add(i);
            }
        if (low >= high) return m;
        while (!q.isEmpty()) {
            int p = q.poll();
            int x = p % w, y = p / w;
            if (x > 0) grow(prob, m, q, p - 1, low);
            if (x < w - 1) grow(prob, m, q, p + 1, low);
            if (y > 0) grow(prob, m, q, p - w, low);
            if (y < h - 1) grow(prob, m, q, p + w, low);
        }
        return m;
    }

    private static void grow(float[] prob, byte[] m, ArrayDeque<Integer> q, int p, float low) {
        if (m[p] == 0 && prob[p] >= low) {
            m[p] = 1;
            q.add(p);
        }
    }

    /** Fills every 4-connected visible region that does not reach the border and does not touch {@code keep}. */
    public static void fillEnclosedHoles(byte[] m, byte[] keep, int w, int h) {
        byte[] outside = new byte[m.length];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int x = 0; x < w; x++) {
            seed(m, outside, q, x);
            seed(m, outside, q, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            seed(m, outside, q, y * w);
            seed(m, outside, q, y * w + w - 1);
        }
        flood(m, outside, q, w, h, (byte) 0);
        int[] label = new int[m.length];
        int next = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] != 0 || outside[i] != 0 || label[i] != 0) continue;
            List<Integer> hole = component(m, label, ++next, i, w, h, (byte) 0, false);
            boolean touchesKeep = false;
            for (int p : hole) if (keep != null && keep[p] != 0) touchesKeep = true;
            if (!touchesKeep) for (int p : hole) m[p] = 1;
        }
    }

    private static void seed(byte[] m, byte[] seen, ArrayDeque<Integer> q, int p) {
        if (m[p] == 0 && seen[p] == 0) {
            seen[p] = 1;
            q.add(p);
        }
    }

    private static void flood(byte[] m, byte[] seen, ArrayDeque<Integer> q, int w, int h, byte value) {
        while (!q.isEmpty()) {
            int p = q.poll();
            int x = p % w, y = p / w;
            if (x > 0 && m[p - 1] == value && seen[p - 1] == 0) { seen[p - 1] = 1; q.add(p - 1); }
            if (x < w - 1 && m[p + 1] == value && seen[p + 1] == 0) { seen[p + 1] = 1; q.add(p + 1); }
            if (y > 0 && m[p - w] == value && seen[p - w] == 0) { seen[p - w] = 1; q.add(p - w); }
            if (y < h - 1 && m[p + w] == value && seen[p + w] == 0) { seen[p + w] = 1; q.add(p + w); }
        }
    }

    /** The pixels with {@code value} connected to {@code start} (4- or 8-connected), labelled {@code id}. */
    private static List<Integer> component(byte[] m, int[] label, int id, int start, int w, int h, byte value,
                                           boolean eight) {
        List<Integer> out = new ArrayList<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        label[start] = id;
        q.add(start);
        while (!q.isEmpty()) {
            int p = q.poll();
            out.add(p);
            int x = p % w, y = p / w;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) continue;
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                    int n = ny * w + nx;
                    if (m[n] == value && label[n] == 0) {
                        label[n] = id;
                        q.add(n);
                    }
                }
        }
        return out;
    }
}
