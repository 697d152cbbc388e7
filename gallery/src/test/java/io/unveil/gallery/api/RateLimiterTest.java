package io.unveil.gallery.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void bucketEmptiesAndRefills() {
        AtomicLong now = new AtomicLong();
        RateLimiter r = new RateLimiter(2, 3, now::get);
        for (int i = 0; i < 3; i++) assertEquals(0, r.acquire("a"), "burst of 3");
        assertEquals(1, r.acquire("a"), "empty bucket: wait one second at 2/s (rounded up)");
        assertEquals(0, r.acquire("b"), "clients are independent");
        now.addAndGet(500_000_000L); // +0.5 s = +1 token
        assertEquals(0, r.acquire("a"));
        assertTrue(r.acquire("a") > 0);
        now.addAndGet(60_000_000_000L); // refill caps at the burst
        for (int i = 0; i < 3; i++) assertEquals(0, r.acquire("a"));
        assertTrue(r.acquire("a") > 0);
    }

    @Test
    void slowRateGivesLongerRetryAfterAndDisabledNeverLimits() {
        AtomicLong now = new AtomicLong();
        RateLimiter r = new RateLimiter(0.1, 1, now::get);
        assertEquals(0, r.acquire("a"));
        assertEquals(10, r.acquire("a"));
        RateLimiter off = RateLimiter.unlimited();
        for (int i = 0; i < 1000; i++) assertEquals(0, off.acquire("a"));
    }

    @Test
    void aFloodOfDistinctClientsDoesNotGrowWithoutBound() {
        AtomicLong now = new AtomicLong();
        RateLimiter r = new RateLimiter(1, 5, now::get);
        for (int i = 0; i < RateLimiter.MAX_CLIENTS * 3; i++) r.acquire("ip:" + i);
        assertTrue(r.clients() <= RateLimiter.MAX_CLIENTS, "clients tracked: " + r.clients());
    }
}
