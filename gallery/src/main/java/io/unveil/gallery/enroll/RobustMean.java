package io.unveil.gallery.enroll;

import io.unveil.recognize.match.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Robust identity centroid (the paper's f_id): mean of descriptors after dropping those whose cosine similarity to the
 * provisional centroid is below a bound, and, with 4 or more left, trimming the least similar share. With an existing
 * centroid (adding images), new descriptors are judged against it and merged weighted by the stored count.
 */
public final class RobustMean {
    private RobustMean() {
    }

    /** kept: indices of the inputs used; reasons per dropped index ("outlier" or "trimmed"). */
    public record Result(float[] centroid, int count, List<Integer> kept, String[] dropped, float[] similarity) {
    }

    public static Result of(List<float[]> in, float outlierCos, float trimFraction, float[] existing, int existingCount) {
        int n = in.size();
        String[] dropped = new String[n];
        float[] sim = new float[n];
        if (n == 0) return new Result(existing, existingCount, List.of(), dropped, sim);
        float[] ref;
        if (existing != null && existingCount > 0) {
            ref = existing;
        } else {
            ref = new float[in.get(0).length];
            for (float[] e : in) Vectors.addScaled(ref, Vectors.normalized(e), 1f);
            // one refinement step: a majority cluster pulls the reference away from a few outliers
            float[] refined = new float[ref.length];
            int used = 0;
            for (float[] e : in) {
                if (Vectors.cosine(e, ref) >= outlierCos) {
                    Vectors.addScaled(refined, Vectors.normalized(e), 1f);
                    used++;
                }
            }
            if (used > 0) ref = refined;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sim[i] = Vectors.cosine(in.get(i), ref);
            if (sim[i] >= outlierCos) kept.add(i);
            else dropped[i] = "outlier";
        }
        int trim = kept.size() >= 4 ? (int) Math.floor(trimFraction * kept.size()) : 0;
        if (trim > 0) {
            kept.sort(Comparator.comparingDouble(i -> sim[i]));
            for (int k = 0; k < trim; k++) dropped[kept.get(k)] = "trimmed";
            kept = new ArrayList<>(kept.subList(trim, kept.size()));
            kept.sort(Comparator.naturalOrder());
        }
        int dim = in.get(0).length;
        float[] sum = new float[dim];
        int count = 0;
        if (existing != null && existingCount > 0) {
            Vectors.addScaled(sum, existing, existingCount);
            count = existingCount;
        }
        for (int i : kept) Vectors.addScaled(sum, in.get(i), 1f);
        count += kept.size();
        if (count == 0) return new Result(null, 0, kept, dropped, sim);
        for (int k = 0; k < dim; k++) sum[k] /= count;
        return new Result(sum, count, kept, dropped, sim);
    }
}
