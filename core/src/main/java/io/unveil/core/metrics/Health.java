package io.unveil.core.metrics;

/**
 * One health check's answer: {@code UP}; {@code DEGRADED} (working but something it depends on is not, e.g. a live
 * camera unreachable for longer than its setting); {@code DOWN}. {@code detail} says what, for people reading
 * {@code /health} (connected / reconnecting since T / ended / the failure).
 */
public record Health(State state, String detail) {
    public enum State {
        UP, DEGRADED, DOWN
    }

    public static Health up(String detail) {
        return new Health(State.UP, detail);
    }

    public static Health degraded(String detail) {
        return new Health(State.DEGRADED, detail);
    }

    public static Health down(String detail) {
        return new Health(State.DOWN, detail);
    }
}
