package io.unveil.ingest;

import io.unveil.core.record.Frame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps the frames in memory; {@link #await} waits until at least n arrived. */
final class CollectingSink implements FrameSink {
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final CountDownLatch enough;

    CollectingSink(int wanted) {
        enough = new CountDownLatch(wanted);
    }

    @Override
    public void send(Frame frame) {
        frames.add(frame);
        enough.countDown();
    }

    boolean await(long seconds) throws InterruptedException {
        return enough.await(seconds, TimeUnit.SECONDS);
    }
}
