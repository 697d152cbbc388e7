package io.unveil.research.eval.occlusion;

/** Mask comparison measures. */
public final class MaskMetrics {
    private MaskMetrics() {
    }

    /** Intersection over union of two binary masks; 1 when both are empty. */
    public static double iou(byte[] pred, byte[] truth) {
        int inter = 0, union = 0;
        for (int i = 0; i < pred.length; i++) {
            boolean p = pred[i] != 0, t = truth[i] != 0;
            if (p && t) inter++;
            if (p || t) union++;
        }
        return union == 0 ? 1.0 : inter / (double) union;
    }

    /** Share of pixels set. */
    public static double area(byte[] mask) {
        int n = 0;
        for (byte b : mask) n += b != 0 ? 1 : 0;
        return n / (double) mask.length;
    }
}
