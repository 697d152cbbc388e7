package io.unveil.research.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Paired bootstrap of verification accuracy: every method was scored on the same pairs, so each replicate reweights
 * those pairs once and recomputes every method's accuracy from the same weights. That gives 95% percentile intervals
 * for each method's accuracy difference to OCC and for its recovered share {@code (method - OCC) / (GT - OCC)}.
 * <p>
 * What is resampled is a unit: a pair ({@link #byPair}) or, by default in the evaluation, an identity
 * ({@link #byIdentity}). Pairs share faces and people (on celeba-subset a face is in ~16 of 10,000 pairs and a person
 * in ~300), so their outcomes are not independent and resampling pairs treats them as if they were; resampling
 * identities keeps a person's pairs together. A replicate draws {@code units} units with replacement (counts
 * {@code m}); a pair of one unit weighs {@code m[u]}, a pair of two units {@code m[a] * m[b]} (it is in the replicate
 * once per drawn copy of each of its people), which gives every pair an expected weight of ~1.
 * <p>
 * Each pair's outcome (right or wrong) is fixed by the cross-validated thresholds before resampling: the interval
 * covers which pairs and people were drawn, not the threshold choice (chosen on ~9,000 pairs, it moves little).
 * Accuracies here are pooled over pairs (right / all); with folds of equal size that is the k-fold mean.
 */
public final class PairedBootstrap {
    /** A point estimate on all pairs and its 95% percentile interval; {@code replicates} counts the defined ones. */
    public record Interval(double estimate, double low, double high, int replicates) {
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }

        /** {@code +2.10 [+1.20, +3.05]} in percentage points (for accuracy differences). */
        public String points() {
            return Double.isNaN(estimate) ? "–" : String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", 100 * estimate, 100 * low, 100 * high);
        }

        /** {@code 55% [31%, 80%]} (for shares). */
        public String percent() {
            return Double.isNaN(estimate) ? "–" : String.format(Locale.ROOT, "%.0f%% [%.0f%%, %.0f%%]", 100 * estimate, 100 * low, 100 * high);
        }
    }

    /** One method against OCC: its pooled accuracy, accuracy minus OCC's, and its recovered share. */
    public record Comparison(double accuracy, Interval difference, Interval recoveredShare) {
    }

    private final boolean[][] correct;
    private final int[] unitA;
    private final int[] unitB;
    private final int units;
    private final String unitName;

    private PairedBootstrap(boolean[][] correct, int[] unitA, int[] unitB, int units, String unitName) {
        if (correct.length < 2) throw new IllegalArgumentException("need GT and OCC at least, got " + correct.length + " methods");
        int n = unitA.length;
        if (n == 0) throw new IllegalArgumentException("no pairs");
        if (unitB.length != n) throw new IllegalArgumentException("unit arrays differ in length");
        for (boolean[] c : correct)
            if (c.length != n) throw new IllegalArgumentException("every method must be scored on the same " + n + " pairs, got " + c.length);
        for (int i = 0; i < n; i++)
            if (unitA[i] < 0 || unitA[i] >= units || unitB[i] < 0 || unitB[i] >= units)
                throw new IllegalArgumentException("pair " + i + " has a unit outside 0.." + (units - 1));
        this.correct = correct;
        this.unitA = unitA;
        this.unitB = unitB;
        this.units = units;
        this.unitName = unitName;
    }

    /**
     * @param correct {@code correct[method][pair]}: method 0 is GT, method 1 is OCC, then the repairs
     */
    public static PairedBootstrap byPair(boolean[][] correct) {
        int n = correct.length == 0 ? 0 : correct[0].length;
        int[] u = new int[n];
        for (int i = 0; i < n; i++) u[i] = i;
        return new PairedBootstrap(correct, u, u, n, "pair");
    }

    /**
     * @param identityA  identity index (0..identities-1) of each pair's first face
     * @param identityB  identity index of each pair's second face (equal to identityA for a same-identity pair)
     */
    public static PairedBootstrap byIdentity(boolean[][] correct, int[] identityA, int[] identityB, int identities) {
        return new PairedBootstrap(correct, identityA, identityB, identities, "identity");
    }

    /** "pair" or "identity". */
    public String unit() {
        return unitName;
    }

    public int units() {
        return units;
    }

    /**
     * @return one comparison per method, in input order (GT's difference is the occlusion drop's sign-flipped cost:
     * GT - OCC; OCC's is 0; shares are NaN for GT and OCC)
     */
    public List<Comparison> compare(int replicates, long seed) {
        if (replicates < 1) throw new IllegalArgumentException("need at least 1 replicate, got " + replicates);
        int methods = correct.length, n = unitA.length;
        double[] point = accuracies(null);
        double[][] diff = new double[methods][replicates];
        double[][] share = new double[methods][replicates];
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] m = new int[units];
        double[] w = new double[n];
        for (int r = 0; r < replicates; r++) {
            Arrays.fill(m, 0);
            for (int k = 0; k < units; k++) m[rnd.nextInt(units)]++;
            for (int i = 0; i < n; i++) w[i] = unitA[i] == unitB[i] ? m[unitA[i]] : (double) m[unitA[i]] * m[unitB[i]];
            double[] acc = accuracies(w);
            for (int k = 0; k < methods; k++) {
                diff[k][r] = acc[k] - acc[1];
                share[k][r] = k < 2 ? Double.NaN : RecoveredShare.of(acc[k], acc[1], acc[0]);
            }
        }
        List<Comparison> out = new ArrayList<>();
        for (int k = 0; k < methods; k++)
            out.add(new Comparison(point[k], interval(point[k] - point[1], diff[k]),
                    k < 2 ? new Interval(Double.NaN, Double.NaN, Double.NaN, 0) : interval(RecoveredShare.of(point[k], point[1], point[0]), share[k])));
        return out;
    }

    /** Weighted accuracy of every method ({@code w == null}: all pairs weigh 1); NaN when all weights are 0. */
    private double[] accuracies(double[] w) {
        double[] acc = new double[correct.length];
        double total = 0;
        for (int i = 0; i < unitA.length; i++) total += w == null ? 1 : w[i];
        for (int k = 0; k < correct.length; k++) {
            double s = 0;
            boolean[] c = correct[k];
            for (int i = 0; i < c.length; i++) if (c[i]) s += w == null ? 1 : w[i];
            acc[k] = total > 0 ? s / total : Double.NaN;
        }
        return acc;
    }

    /** Percentile interval (2.5% and 97.5%, linear interpolation between order statistics) of the defined replicates. */
    static Interval interval(double estimate, double[] replicates) {
        double[] v = Arrays.stream(replicates).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) return new Interval(estimate, Double.NaN, Double.NaN, 0);
        return new Interval(estimate, quantile(v, 0.025), quantile(v, 0.975), v.length);
    }

    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
