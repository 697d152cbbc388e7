package io.unveil.research.calibrate;

import io.unveil.core.record.OcclusionRegion;
import io.unveil.recognize.match.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How an occluded probe is decided when it is compared with two centroids of each identity: the plain one and the one
 * made of the same enrollment photos with the runtime's occluder on its region. The runtime accepts an identity when
 * either comparison clears its own threshold (each calibrated alone to the target FAR), so the decision's false-accept
 * rate is that of the union; this measures it on the calibration's own scores, and the alternative of one score, the
 * mean of the two similarities, calibrated to the same FAR. Scoring as {@link Calibration#scores}: genuine against the
 * identity's centroids without the probe's photo, impostors against every other identity's.
 */
public final class OccludedDecision {
    /** Per comparison: similarity to the plain centroid and to the region's centroid. */
    public record Pairs(float[] genuinePlain, float[] genuineMatched, float[] impostorPlain, float[] impostorMatched) {
    }

    private OccludedDecision() {
    }

    static Pairs pairs(Map<String, List<Calibrate.Photo>> byId, Function<Calibrate.Photo, float[]> probe, float[] center) {
        List<String> ids = new ArrayList<>(byId.keySet());
        int n = ids.size(), r = OcclusionRegion.values().length;
        float[][] plainSum = new float[n][];
        float[][][] regionSum = new float[r][n][];
        for (int i = 0; i < n; i++) {
            for (Calibrate.Photo p : byId.get(ids.get(i))) {
                plainSum[i] = add(plainSum[i], p.plain(), 1f);
                for (OcclusionRegion reg : OcclusionRegion.values())
                    regionSum[reg.ordinal()][i] = add(regionSum[reg.ordinal()][i], p.synthetic(reg), 1f);
            }
        }
        Calibration.FloatList gp = new Calibration.FloatList(), gm = new Calibration.FloatList(), ip = new Calibration.FloatList(),
                im = new Calibration.FloatList();
        for (int i = 0; i < n; i++) {
            List<Calibrate.Photo> photos = byId.get(ids.get(i));
            for (Calibrate.Photo p : photos) {
                float[] raw = probe.apply(p);
                if (raw == null || p.region() == null) continue;
                int reg = p.region().ordinal();
                float[] q = Vectors.centered(raw, center);
                if (photos.size() >= 2) {
                    gp.add(Vectors.dot(Vectors.centered(add(plainSum[i].clone(), p.plain(), -1f), center), q));
                    gm.add(Vectors.dot(Vectors.centered(add(regionSum[reg][i].clone(), p.synthetic(p.region()), -1f), center), q));
                }
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    ip.add(Vectors.dot(Vectors.centered(plainSum[j], center), q));
                    im.add(Vectors.dot(Vectors.centered(regionSum[reg][j], center), q));
                }
            }
        }
        return new Pairs(gp.toArray(), gm.toArray(), ip.toArray(), im.toArray());
    }

    private static float[] add(float[] sum, float[] e, float w) {
        if (sum == null) sum = new float[e.length];
        Vectors.addScaled(sum, Vectors.normalized(e), w);
        return sum;
    }

    /** The union rule at thresholds {@code tp} (plain) and {@code tm} (matched): {FAR, TAR}. */
    static double[] union(Pairs p, float tp, float tm) {
        return new double[]{share(p.impostorPlain(), p.impostorMatched(), tp, tm), share(p.genuinePlain(), p.genuineMatched(), tp, tm)};
    }

    private static double share(float[] plain, float[] matched, float tp, float tm) {
        int a = 0;
        for (int k = 0; k < plain.length; k++) if (plain[k] >= tp || matched[k] >= tm) a++;
        return a / (double) Math.max(1, plain.length);
    }

    /** The mean of the two similarities as one score. */
    static Calibration.Scores mean(Pairs p, float[] center) {
        return new Calibration.Scores(mean(p.genuinePlain(), p.genuineMatched()), mean(p.impostorPlain(), p.impostorMatched()), center);
    }

    private static float[] mean(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int k = 0; k < a.length; k++) out[k] = 0.5f * (a[k] + b[k]);
        return out;
    }

    /**
     * One report line: the union rule at the calibrated thresholds (its real FAR), the union rule with both thresholds
     * raised by the same amount until it meets the target FAR, and the mean score at the target FAR.
     */
    static String report(Pairs p, float tp, float tm, double far, float[] center) {
        double[] at = union(p, tp, tm);
        float lo = 0f, hi = 0.5f;
        for (int it = 0; it < 40; it++) {
            float mid = (lo + hi) / 2;
            if (union(p, tp + mid, tm + mid)[0] > far) lo = mid;
            else hi = mid;
        }
        double[] fixed = union(p, tp + hi, tm + hi);
        var m = Calibration.pick(mean(p, center), far);
        return String.format(Locale.ROOT, "either comparison at the thresholds above: FAR %.2e, TAR %.3f; either comparison, both "
                        + "thresholds +%.4f to FAR %.2e: TAR %.3f; mean of the two similarities at FAR %.2e (threshold %.4f): TAR %.3f "
                        + "(%d genuine, %d impostor)", at[0], at[1], hi, fixed[0], fixed[1], m.far(), m.threshold(), 1 - m.frr(),
                p.genuinePlain().length, p.impostorPlain().length);
    }
}
