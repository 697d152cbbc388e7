package io.unveil.ingest;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for reconnecting live cameras: attempt n waits a random time in
 * [d/2, d] where d = min(max, initial * 2^n), so many cameras that drop together do not reconnect in lockstep.
 */
public final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(long initialMs, long maxMs, RandomGenerator random) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** The wait before the next attempt; each call doubles the ceiling up to the maximum. */
    public long nextDelayMs() {
        long ceiling = attempt >= 62 ? maxMs : Math.min(maxMs, initialMs << Math.min(attempt, 40));
        if (ceiling <= 0) ceiling = maxMs;
        attempt++;
        long half = ceiling / 2;
        return half + (long) (random.nextDouble() * (ceiling - half + 1));
    }

    /** Called after a success (a frame arrived): the next failure starts again from the initial delay. */
    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
