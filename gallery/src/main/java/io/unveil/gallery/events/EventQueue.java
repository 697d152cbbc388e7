package io.unveil.gallery.events;

import io.unveil.core.record.RecognitionEvent;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One live client's bounded queue between the {@link EventFeed} (which must never wait for a client) and the thread
 * that writes to the client. Before, the feed wrote to each client itself, and one client that never read froze
 * every stream and the event source for the socket's write timeout (~30 s; five such clients ~150 s).
 *
 * <p>When the queue is full: if the writer delivered something within {@code maxStallMs} the client is only slow,
 * and the oldest queued event is dropped (counted, the client is told); if the writer has been stuck longer, the
 * client is cut off: {@link #accept} throws, the feed drops the subscription, {@link #cutOff()} tells the writer.
 * Measured: a reading client on loopback lags dozens of 87 KB events in bursts while five stuck clients fill their
 * buffers, so cutting on a full queue alone cut the reading client too.
 */
public final class EventQueue implements Consumer<RecognitionEvent> {
    private final BlockingQueue<RecognitionEvent> queue;
    private final Predicate<RecognitionEvent> filter;
    private final long maxStallNanos;
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean cutOff;

    public EventQueue(int capacity, long maxStallMs, Predicate<RecognitionEvent> filter) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.filter = filter;
        this.maxStallNanos = TimeUnit.MILLISECONDS.toNanos(maxStallMs);
    }

    @Override
    public void accept(RecognitionEvent e) {
        if (cutOff) throw new IllegalStateException("client cut off");
        if (!filter.test(e)) return;
        while (!queue.offer(e)) {
            if (System.nanoTime() - lastProgress > maxStallNanos) {
                cutOff = true;
                throw new IllegalStateException("client stalled with " + queue.size() + " events queued");
            }
            if (queue.poll() != null) dropped.incrementAndGet();
        }
    }

    /** The next event, or null after {@code timeoutMs} without one. */
    public RecognitionEvent poll(long timeoutMs) throws InterruptedException {
        return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The writer delivered something to the client. */
    public void progress() {
        lastProgress = System.nanoTime();
    }

    /** Events dropped since the last call (the writer tells the client). */
    public long takeDropped() {
        return dropped.getAndSet(0);
    }

    public boolean cutOff() {
        return cutOff;
    }
}
