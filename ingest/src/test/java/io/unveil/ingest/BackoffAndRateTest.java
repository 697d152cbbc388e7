package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffAndRateTest {
    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheMax() {
        Backoff b = new Backoff(500, 8000, new Random(1));
        long[] ceilings = {500, 1000, 2000, 4000, 8000, 8000, 8000};
        for (long c : ceilings) {
            long d = b.nextDelayMs();
            assertTrue(d >= c / 2 && d <= c, "delay " + d + " within [" + c / 2 + ", " + c + "]");
        }
        b.reset();
        long d = b.nextDelayMs();
        assertTrue(d >= 250 && d <= 500, "reset starts over: " + d);
    }

    @Test
    void jitterSpreadsDelays() {
        Set<Long> seen = new HashSet<>();
        Random r = new Random(7);
        for (int i = 0; i < 20; i++) {
            Backoff b = new Backoff(1000, 60_000, r);
            b.nextDelayMs();
            b.nextDelayMs();
            seen.add(b.nextDelayMs());
        }
        assertTrue(seen.size() > 10, "different cameras wait different times: " + seen);
    }

    @Test
    void rateLimiterKeepsOneFramePerSlot() {
        RateLimiter r = new RateLimiter(10);
        int kept = 0;
        for (int i = 0; i < 250; i++) if (r.keep(i * 40_000L)) kept++; // 10 s of 25 fps
        assertEquals(100, kept);
        RateLimiter none = new RateLimiter(0);
        for (int i = 0; i < 5; i++) assertTrue(none.keep(0));
    }

    @Test
    void rateLimiterStartsOverWhenTimeGoesBack() {
        RateLimiter r = new RateLimiter(10);
        assertTrue(r.keep(5_000_000));
        assertTrue(r.keep(0), "a restarted stream is not starved");
        assertEquals(false, r.keep(10_000));
    }
}
