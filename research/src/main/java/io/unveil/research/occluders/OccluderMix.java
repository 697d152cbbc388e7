package io.unveil.research.occluders;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** A weighted mixture of occluder types plus a share of faces left unoccluded, for training and evaluation. */
public final class OccluderMix {
    private final OccluderType[] types;
    private final double[] cumulative;
    private final double noneWeight;
    private final double total;

    public OccluderMix(Map<OccluderType, Double> weights, double noneWeight) {
        if (noneWeight < 0) throw new IllegalArgumentException("negative weight");
        this.types = weights.keySet().toArray(OccluderType[]::new);
        java.util.Arrays.sort(types);
        this.cumulative = new double[types.length];
        double s = noneWeight;
        for (int i = 0; i < types.length; i++) {
            double w = weights.get(types[i]);
            if (w < 0) throw new IllegalArgumentException("negative weight for " + types[i]);
            s += w;
            cumulative[i] = s;
        }
        if (s <= 0) throw new IllegalArgumentException("all weights are zero");
        this.noneWeight = noneWeight;
        this.total = s;
    }

    /** Every type equally likely, plus {@code noneShare} of unoccluded faces. */
    public static OccluderMix uniform(double noneShare) {
        Map<OccluderType, Double> w = new EnumMap<>(OccluderType.class);
        for (OccluderType t : OccluderType.values()) w.put(t, 1.0);
        return new OccluderMix(w, noneShare / (1 - noneShare) * OccluderType.values().length);
    }

    /** Training mix: 15% clean faces (to learn "nothing hidden"), the rest spread over all types. */
    public static OccluderMix training() {
        return uniform(0.15);
    }

    /** A type, or empty for "leave the face unoccluded". */
    public Optional<OccluderType> sample(SplittableRandom rng) {
        double v = rng.nextDouble() * total;
        if (v < noneWeight) return Optional.empty();
        for (int i = 0; i < types.length; i++) if (v < cumulative[i]) return Optional.of(types[i]);
        return Optional.of(types[types.length - 1]);
    }
}
