package io.unveil.recognize.match;

import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thresholds for a gallery of a given size. A calibration's thresholds hold one comparison (a face against one
 * identity) to a false-accept rate; a stranger's visit is compared with every enrolled identity, so with a fixed
 * per-comparison FAR the chance that a stranger is given somebody's name grows with the gallery (FAR 1e-3 and 20
 * identities: about 2 % of strangers' visits; 1,000 identities: about 63 %). With {@code visitFar} set, each comparison
 * is held to FAR {@code visitFar / identities} instead, read from the calibration's curve (thresholds at lower FARs,
 * interpolated in log FAR): the share of strangers named stays near {@code visitFar} whatever the gallery's size. The
 * schedule is never looser than the calibration's own threshold (small galleries keep it) and never stricter than the
 * lowest FAR the calibration measured (beyond it, that threshold, with a warning: the calibration cannot say more).
 */
public final class ThresholdSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(ThresholdSchedule.class);

    /** Thresholds of one condition at falling FARs; the first is the calibration's own. */
    public record Curve(double[] far, float[] threshold) {
        public Curve {
            if (far.length == 0 || far.length != threshold.length)
                throw new IllegalArgumentException("a threshold curve needs as many FARs as thresholds, at least one");
            for (int i = 1; i < far.length; i++)
                if (!(far[i] < far[i - 1]) || threshold[i] < threshold[i - 1])
                    throw new IllegalArgumentException("a threshold curve's FARs must fall and its thresholds not: " + Arrays.toString(far)
                            + " / " + Arrays.toString(threshold));
        }

        /** The threshold for {@code far}: log-linear between points, the first above its FAR, the last below its own. */
        float at(double far) {
            if (far >= this.far[0]) return threshold[0];
            int n = this.far.length;
            if (far <= this.far[n - 1]) return threshold[n - 1];
            int i = 1;
            while (this.far[i] > far) i++;
            double t = (Math.log(this.far[i - 1]) - Math.log(far)) / (Math.log(this.far[i - 1]) - Math.log(this.far[i]));
            return (float) (threshold[i - 1] + t * (threshold[i] - threshold[i - 1]));
        }

        double lowest() {
            return far[far.length - 1];
        }
    }

    private final Thresholds base;
    /** plain, occluded, repaired, occluded-matched, repaired-matched; null entries keep the base threshold. */
    private final Curve[] curves;
    private final double visitFar;
    /** The calibration's target FAR per comparison (NaN: unknown, e.g. an explicit threshold). */
    private final double baseFar;
    private volatile int warnedFor = -1;
    /** Gallery size at which the last "strangers may be named" warning was given (next one at twice the size). */
    private volatile int warnedGrowthAt = 0;

    /**
     * @param base     the calibration's thresholds (its target FAR)
     * @param curves   curves of plain, occluded, repaired, occluded-matched, repaired-matched (null: that condition keeps its
     *                 base threshold at every size)
     * @param visitFar share of strangers' visits that may be named across the whole gallery; 0: the base thresholds always
     */
    public ThresholdSchedule(Thresholds base, Curve[] curves, double visitFar) {
        this(base, curves, visitFar, Double.NaN);
    }

    /** @param baseFar the calibration's FAR per comparison (NaN: unknown), for the warning of a fixed schedule */
    public ThresholdSchedule(Thresholds base, Curve[] curves, double visitFar, double baseFar) {
        if (base == null) throw new IllegalArgumentException("a threshold schedule needs base thresholds");
        if (!(visitFar >= 0 && visitFar < 1)) throw new IllegalArgumentException("recognize.visit-far must be in [0,1): " + visitFar);
        if (curves != null && curves.length != 5) throw new IllegalArgumentException("5 condition curves expected, got " + curves.length);
        this.base = base;
        this.curves = curves == null ? new Curve[5] : curves.clone();
        this.visitFar = visitFar;
        this.baseFar = baseFar;
    }

    /** The same thresholds at every gallery size. */
    public static ThresholdSchedule fixed(Thresholds t) {
        return new ThresholdSchedule(t, null, 0);
    }

    public Thresholds base() {
        return base;
    }

    public double visitFar() {
        return visitFar;
    }

    /**
     * The FAR per comparison that plain faces are held to in a gallery of {@code identities}: the calibration's with
     * visit-far off, else visit-far / identities within what the plain curve measured; NaN when unknown (an explicit
     * threshold).
     */
    public double farInForce(int identities) {
        if (visitFar <= 0 || curves[0] == null) return baseFar;
        double far = comparisonFar(identities);
        if (!Double.isNaN(baseFar)) far = Math.min(far, baseFar);
        return Math.max(far, curves[0].lowest());
    }

    /** The per-comparison FAR a gallery of {@code identities} is held to (NaN when the schedule is fixed). */
    public double comparisonFar(int identities) {
        return visitFar <= 0 ? Double.NaN : visitFar / Math.max(1, identities);
    }

    /**
     * The share of strangers' visits a gallery of {@code identities} may name when each comparison is held to FAR
     * {@code far} and the comparisons were independent: 1 - (1 - far)^identities.
     */
    public static double strangersNamed(double far, int identities) {
        return 1 - Math.pow(1 - far, identities);
    }

    /** Thresholds for a gallery of {@code identities} identities. */
    public Thresholds at(int identities) {
        if (visitFar <= 0 && !Double.isNaN(baseFar) && identities >= 2 * Math.max(1, warnedGrowthAt)
                && strangersNamed(baseFar, identities) >= 0.05) {
            warnedGrowthAt = identities;
            LOG.warn("the gallery holds {} identities and each comparison is held to FAR {}: about {} % of strangers' visits may "
                    + "be given an enrolled person's name; recognize.visit-far keeps that share fixed as the gallery grows "
                    + "(docs/recognition-and-gallery.md)", identities, baseFar,
                    String.format(Locale.ROOT, "%.0f", 100 * strangersNamed(baseFar, identities)));
        }
        if (visitFar <= 0 || identities <= 0) return base;
        double far = comparisonFar(identities);
        float[] b = {base.plain(), base.occluded(), base.repaired(), base.occludedMatched(), base.repairedMatched()};
        float[] t = b.clone();
        boolean beyond = false;
        for (int c = 0; c < 5; c++) {
            if (curves[c] == null || Float.isNaN(b[c])) continue;
            t[c] = Math.max(b[c], curves[c].at(far));
            beyond |= far < curves[c].lowest();
        }
        if (beyond && warnedFor != identities) {
            warnedFor = identities;
            LOG.warn("recognize.visit-far {} over {} identities asks each comparison for FAR {}, below the lowest the calibration "
                    + "measured: its strictest thresholds are used (calibrate on more identities to go further)",
                    visitFar, identities, String.format(Locale.ROOT, "%.1e", far));
        }
        return new Thresholds(t[0], t[1], t[2], t[3], t[4]);
    }

    @Override
    public String toString() {
        return visitFar <= 0 ? "fixed " + base : "visit-far " + visitFar + " over the gallery, from " + base;
    }
}
