package io.unveil.research.train.idgan;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Refuses an update whose gradient norm is far above the recent ones. The NaN/Inf guard lets through a gradient that is
 * huge but finite; one such step inflates Adam's second-moment estimate so much that every later update shrinks below
 * float resolution, and the network stops changing for thousands of steps while the losses look normal (seen in an
 * ID-GAN fine-tune: bit-identical generator checkpoints from step ~500 on). Accepted norms form a sliding window; a
 * norm above {@code factor} times the window's median is refused once the window holds {@code MIN_HISTORY} norms.
 * That history is short on purpose: the guard restarts empty on every resume, together with Adam's moments, and a
 * resumed fine-tune once took a 1.9e9 gradient (10,000x the norms before it) at its 15th step, unguarded while the
 * window still had to fill to 20, and its reconstruction loss went from ~1,100 to ~2,800 within 20 steps.
 */
final class GradientSpikeGuard {
    static final int MIN_HISTORY = 5;
    private final double factor;
    private final int window;
    private final ArrayDeque<Double> recent = new ArrayDeque<>();

    /** @param factor ratio to the recent median above which an update is refused (0 = only non-finite norms) */
    GradientSpikeGuard(double factor, int window) {
        if (factor < 0) throw new IllegalArgumentException("factor must be >= 0");
        this.factor = factor;
        this.window = Math.max(MIN_HISTORY, window);
    }

    /** Whether to apply the update with this gradient norm; accepted norms join the history. */
    boolean accept(double norm) {
        if (!Double.isFinite(norm)) return false;
        if (factor > 0 && recent.size() >= MIN_HISTORY && norm > factor * median()) return false;
        recent.addLast(norm);
        if (recent.size() > window) recent.removeFirst();
        return true;
    }

    double median() {
        double[] v = recent.stream().mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) return Double.NaN;
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }
}
