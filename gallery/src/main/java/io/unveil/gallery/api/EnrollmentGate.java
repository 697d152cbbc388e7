package io.unveil.gallery.api;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission of enrollment requests (their bodies are read and their images decoded only once admitted): at most
 * {@code concurrency} run, at most {@code queue} more wait for a slot, any further one is refused at once with 503 and
 * {@code Retry-After}. The bound is what makes the per-request pixel budget a bound on the process: memory held by
 * enrollment is at most concurrency x budget plus queue x request bytes.
 */
final class EnrollmentGate {
    /** Seconds a refused client is told to wait: one enrollment of a full request takes about this long on 2 cores. */
    static final int RETRY_AFTER_S = 5;
    private final Semaphore running;
    private final AtomicInteger admitted = new AtomicInteger();
    private final int capacity;

    EnrollmentGate(int concurrency, int queue) {
        this.running = new Semaphore(concurrency, true);
        this.capacity = concurrency + queue;
    }

    interface Work {
        void run() throws Exception;
    }

    void run(Work w) throws Exception {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            throw new ApiException(503, "busy", "the gallery is enrolling as many requests as it can hold; retry in "
                    + RETRY_AFTER_S + " s").withHeader("Retry-After", Integer.toString(RETRY_AFTER_S));
        }
        try {
            running.acquire();
            try {
                w.run();
            } catch (OutOfMemoryError e) {
                // the budgets should prevent this; if they did not, answer with the documented JSON error, not an empty 500
                throw new ApiException(503, "out_of_memory", "the server ran out of memory processing this request; retry "
                        + "later or send fewer or smaller images").withHeader("Retry-After", Integer.toString(RETRY_AFTER_S));
            } finally {
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "shutting_down", "the server is stopping");
        } finally {
            admitted.decrementAndGet();
        }
    }

    int admitted() {
        return admitted.get();
    }
}
