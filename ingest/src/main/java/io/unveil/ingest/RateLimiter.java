package io.unveil.ingest;

/**
 * Frame-rate cap: time is cut into slots of 1/fps and at most one frame is kept per slot, so a 25 fps source capped at
 * 10 fps gives 10 fps (not the 8.3 fps a "minimum gap" rule would).
 */
public final class RateLimiter {
    private final long slotMicros;
    private long lastSlot = Long.MIN_VALUE;

    /** @param fps the cap; 0 keeps every frame */
    public RateLimiter(double fps) {
        this.slotMicros = fps <= 0 ? 0 : Math.max(1L, Math.round(1_000_000.0 / fps));
    }

    /** True when the frame at this time (microseconds, any origin, non-decreasing) should be kept. */
    public boolean keep(long timeMicros) {
        if (slotMicros == 0) return true;
        long slot = Math.floorDiv(timeMicros, slotMicros);
        if (slot == lastSlot) return false;
        if (slot < lastSlot && lastSlot != Long.MIN_VALUE) {
            // time went backwards (stream restarted): start over
            lastSlot = slot;
            return true;
        }
        lastSlot = slot;
        return true;
    }

    public void reset() {
        lastSlot = Long.MIN_VALUE;
    }
}
