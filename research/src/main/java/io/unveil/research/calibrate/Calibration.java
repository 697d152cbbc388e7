package io.unveil.research.calibrate;

import io.unveil.recognize.calibrate.CalibrationResult;
import io.unveil.recognize.match.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Picks the open-set threshold from labelled embeddings for a target false-accept rate, scoring exactly as the
 * recognizer does: a probe against identity centroids. Genuine score = probe vs. the centroid of the other images of
 * its own identity (leave-one-out); impostor scores = probe vs. every other identity's centroid. The threshold is the
 * smallest value whose impostor accept share (score >= t) is at most the target FAR.
 */
public final class Calibration {
    private Calibration() {
    }

    /** Scores in the centred space, and the center (mean unit descriptor of the set) they were computed with. */
    public record Scores(float[] genuine, float[] impostor, float[] center) {
    }

    /** Mean of the unit-normalized descriptors of the whole set. */
    public static float[] center(Map<String, List<float[]>> byIdentity) {
        return Vectors.meanOfNormalized(byIdentity.values().stream().flatMap(List::stream).toList());
    }

    /** Scores with centering (the default: the center is computed from the same set). */
    public static Scores scores(Map<String, List<float[]>> byIdentity) {
        return scores(byIdentity, center(byIdentity));
    }

    /** Scores exactly as {@link io.unveil.recognize.match.CentroidMatcher} computes them with {@code center} (null: none). */
    public static Scores scores(Map<String, List<float[]>> byIdentity, float[] center) {
        return scores(byIdentity, byIdentity, center);
    }

    /**
     * Scores of probes against centroids made from other descriptors of the same photos, e.g. an occluded probe against
     * plain centroids, or against the centroids of the photos with a synthetic occluder. {@code probes.get(id).get(k)} is
     * photo k of the identity, as {@code gallery.get(id).get(k)} is; a null probe is skipped. Genuine: a probe against
     * its identity's centroid without photo k (leave-one-out); impostor: against every other identity's full centroid.
     */
    public static Scores scores(Map<String, List<float[]>> gallery, Map<String, List<float[]>> probes, float[] center) {
        List<String> ids = new ArrayList<>(gallery.keySet());
        int n = ids.size();
        if (n < 2) throw new IllegalArgumentException("calibration needs at least 2 identities, got " + n);
        float[][] sums = new float[n][];
        float[][] centroids = new float[n][];
        for (int i = 0; i < n; i++) {
            List<float[]> list = gallery.get(ids.get(i));
            if (list.isEmpty()) throw new IllegalArgumentException("identity " + ids.get(i) + " has no embeddings");
            float[] sum = new float[list.get(0).length];
            for (float[] e : list) Vectors.addScaled(sum, Vectors.normalized(e), 1f);
            sums[i] = sum;
            centroids[i] = Vectors.centered(sum, center);
        }
        FloatList genuine = new FloatList();
        FloatList impostor = new FloatList();
        for (int i = 0; i < n; i++) {
            List<float[]> list = gallery.get(ids.get(i));
            List<float[]> probeList = probes.get(ids.get(i));
            if (probeList == null) continue;
            if (probeList.size() != list.size())
                throw new IllegalArgumentException("identity " + ids.get(i) + " has " + probeList.size() + " probes for " + list.size() + " photos");
            for (int k = 0; k < list.size(); k++) {
                float[] raw = probeList.get(k);
                if (raw == null) continue;
                float[] e = Vectors.centered(raw, center);
                if (list.size() >= 2) {
                    float[] loo = sums[i].clone();
                    Vectors.addScaled(loo, Vectors.normalized(list.get(k)), -1f);
                    genuine.add(Vectors.dot(Vectors.centered(loo, center), e));
                }
                for (int j = 0; j < n; j++) if (j != i) impostor.add(Vectors.dot(centroids[j], e));
            }
        }
        if (genuine.size == 0) throw new IllegalArgumentException("no identity has 2 or more embeddings: no genuine scores");
        return new Scores(genuine.toArray(), impostor.toArray(), center);
    }

    /** The scores of several probe groups as one set (e.g. masked probes against mask centroids, sunglasses against sunglasses). */
    public static Scores concat(List<Scores> parts) {
        FloatList genuine = new FloatList(), impostor = new FloatList();
        float[] center = null;
        for (Scores s : parts) {
            for (float v : s.genuine()) genuine.add(v);
            for (float v : s.impostor()) impostor.add(v);
            center = s.center();
        }
        return new Scores(genuine.toArray(), impostor.toArray(), center);
    }

    /**
     * Impostor scores per false accept the target FAR allows: with fewer than 10/FAR impostor scores the threshold rests on
     * fewer than 10 accepted impostors (on 52 scores, "FAR 1e-3" is the single highest impostor score), and the FAR
     * measured at it says nothing about the target.
     */
    public static final int IMPOSTORS_PER_ACCEPT = 10;

    /** Impostor scores a threshold for {@code targetFar} needs: {@value #IMPOSTORS_PER_ACCEPT}/FAR. */
    public static long impostorsNeeded(double targetFar) {
        return (long) Math.ceil(IMPOSTORS_PER_ACCEPT / targetFar - 1e-9);
    }

    /** Null when the set has the impostor scores {@code targetFar} needs, else why not and what to do (one line). */
    public static String tooFewImpostors(Scores s, double targetFar) {
        long need = impostorsNeeded(targetFar);
        int have = s.impostor().length;
        if (have >= need) return null;
        return String.format(java.util.Locale.ROOT, "the set gives %d impostor scores, FAR %.0e needs at least %d (%d/FAR) for a "
                        + "meaningful threshold: use a set with more identities or images, or --far %s or higher (what %d scores support)",
                have, targetFar, need, IMPOSTORS_PER_ACCEPT, lowestFar(have), have);
    }

    /** The lowest FAR {@code impostors} scores support, rounded up to 2 significant digits (so that it really does). */
    static String lowestFar(int impostors) {
        java.math.BigDecimal far = java.math.BigDecimal.valueOf(IMPOSTORS_PER_ACCEPT / (double) Math.max(1, impostors));
        return far.round(new java.math.MathContext(2, java.math.RoundingMode.UP)).stripTrailingZeros().toString();
    }

    /** Threshold for the target FAR plus the rates measured at it. */
    public static CalibrationResult pick(Scores s, double targetFar) {
        if (!(targetFar > 0 && targetFar < 1)) throw new IllegalArgumentException("target FAR must be in (0,1): " + targetFar);
        float[] imp = s.impostor().clone();
        Arrays.sort(imp);
        int m = imp.length;
        // allowed number of accepted impostors
        int allowed = (int) Math.floor(targetFar * m);
        float threshold;
        if (allowed >= m) {
            threshold = imp[0];
        } else {
            // accept impostors strictly above imp[m-1-allowed]: threshold just above it
            float edge = imp[m - 1 - allowed];
            threshold = Math.nextUp(edge);
        }
        double far = share(imp, threshold, true);
        float[] gen = s.genuine().clone();
        Arrays.sort(gen);
        double frr = 1.0 - share(gen, threshold, true);
        return new CalibrationResult(threshold, targetFar, far, frr, gen.length, m, percentile(gen, 0.5),
                percentile(imp, 0.5), percentile(imp, 0.999), null, null, System.currentTimeMillis(), s.center());
    }

    /** The FARs of a calibration's curve below its target: 1, 2 and 5 per decade down to 1e-6. */
    static final double[] CURVE_FARS = {5e-4, 2e-4, 1e-4, 5e-5, 2e-5, 1e-5, 5e-6, 2e-6, 1e-6};

    /**
     * Thresholds of the same scores at the target FAR and the lower FARs of {@link #CURVE_FARS} that the impostor scores
     * support ({@link #impostorsNeeded}: at least {@value #IMPOSTORS_PER_ACCEPT} accepted impostors each), in order of
     * falling FAR. What {@code recognize.visit-far} reads for a gallery of many identities.
     */
    public static List<io.unveil.recognize.calibrate.ConditionCalibration.FarPoint> curve(Scores s, double targetFar) {
        List<io.unveil.recognize.calibrate.ConditionCalibration.FarPoint> out = new ArrayList<>();
        for (double far : java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(targetFar),
                java.util.Arrays.stream(CURVE_FARS).filter(f -> f < targetFar * 0.999)).toArray()) {
            if (far != targetFar && s.impostor().length < impostorsNeeded(far)) break;
            CalibrationResult r = pick(s, far);
            out.add(new io.unveil.recognize.calibrate.ConditionCalibration.FarPoint(far, r.threshold(), 1 - r.frr()));
        }
        return out;
    }

    static double share(float[] sorted, float t, boolean atLeast) {
        int idx = Arrays.binarySearch(sorted, t);
        if (idx < 0) idx = -idx - 1;
        else while (idx > 0 && sorted[idx - 1] == t) idx--;
        return (sorted.length - idx) / (double) sorted.length;
    }

    static float percentile(float[] sorted, double p) {
        if (sorted.length == 0) return Float.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    static final class FloatList {
        float[] a = new float[256];
        int size;

        void add(float v) {
            if (size == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
