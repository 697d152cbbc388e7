package io.unveil.gallery.api;

import io.unveil.core.config.Settings;
import io.unveil.gallery.stage.GallerySettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client (an API key's name, or the remote address when no valid key is presented): each holds up
 * to {@code burst} tokens and refills at {@code perSecond}. A request takes one token; an empty bucket means 429
 * with {@code Retry-After}. {@code perSecond <= 0} disables limiting. Settings: {@code gallery.rate-limit.per-second},
 * {@code gallery.rate-limit.burst}.
 */
public final class RateLimiter {
    static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    public RateLimiter(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    RateLimiter(double perSecond, int burst, LongSupplier nanos) {
        if (perSecond > 0 && burst < 1) throw new IllegalArgumentException("rate-limit burst must be at least 1");
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    public static RateLimiter unlimited() {
        return new RateLimiter(0, 0);
    }

    public static RateLimiter from(Settings s) {
        return new RateLimiter(s.get(GallerySettings.RATE_LIMIT_PER_SECOND), s.get(GallerySettings.RATE_LIMIT_BURST));
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    /** Takes a token for the client: 0 when allowed, else the whole seconds to wait before the next token. */
    public long acquire(String client) {
        if (!enabled()) return 0;
        long now = nanos.getAsLong();
        if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client)) evictFull(now);
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.last) / 1e9 * perSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }

    private void evictFull(long now) {
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                return b.tokens + (now - b.last) / 1e9 * perSecond >= burst;
            }
        });
        if (buckets.size() >= MAX_CLIENTS) buckets.clear(); // a flood of distinct clients: start over rather than grow
    }

    int clients() {
        return buckets.size();
    }
}
