package io.unveil.research.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed-set rank-1 identification against a gallery of identity centroids (the mean descriptor of each identity's
 * enrolled faces, the paper's f_id): a probe is correct when the centroid nearest to it (Euclidean) is its own.
 */
public final class CentroidIdentification {
    private CentroidIdentification() {
    }

    public static Map<String, float[]> centroids(List<float[]> descriptors, List<String> identities) {
        if (descriptors.size() != identities.size()) throw new IllegalArgumentException("descriptors and identities differ in length");
        Map<String, double[]> sum = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (int i = 0; i < descriptors.size(); i++) {
            float[] d = descriptors.get(i);
            double[] s = sum.computeIfAbsent(identities.get(i), k -> new double[d.length]);
            if (s.length != d.length) throw new IllegalArgumentException("descriptor length differs at " + i);
            for (int j = 0; j < d.length; j++) s[j] += d[j];
            count.merge(identities.get(i), 1, Integer::sum);
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        sum.forEach((id, s) -> {
            float[] c = new float[s.length];
            for (int j = 0; j < s.length; j++) c[j] = (float) (s[j] / count.get(id));
            out.put(id, c);
        });
        return out;
    }

    /** The identity whose centroid is nearest to the probe. */
    public static String nearest(Map<String, float[]> gallery, float[] probe) {
        String best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (var e : gallery.entrySet()) {
            double d = VerificationMetrics.euclidean(e.getValue(), probe);
            if (d < bestD) {
                bestD = d;
                best = e.getKey();
            }
        }
        if (best == null) throw new IllegalArgumentException("empty gallery");
        return best;
    }

    /** Share of probes whose nearest centroid is their own identity. */
    public static double rank1(Map<String, float[]> gallery, List<float[]> probes, List<String> probeIdentities) {
        if (probes.isEmpty()) throw new IllegalArgumentException("no probes");
        int ok = 0;
        for (int i = 0; i < probes.size(); i++) if (nearest(gallery, probes.get(i)).equals(probeIdentities.get(i))) ok++;
        return (double) ok / probes.size();
    }
}
