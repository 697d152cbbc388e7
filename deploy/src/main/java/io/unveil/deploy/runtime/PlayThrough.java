package io.unveil.deploy.runtime;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Waits until a pipeline with file cameras has read its input and every stream app has caught up (two checks a second
 * apart agree, so a record in flight between two apps is not missed), calling {@code poll} all the while.
 */
public final class PlayThrough {
    /** What to do between checks: read the output topics for up to the given time. */
    public interface Poll {
        void poll(Duration timeout) throws Exception;
    }

    private PlayThrough() {
    }

    public static void await(Pipeline p, Progress progress, Duration timeout, Poll poll) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietChecks = 0;
        long nextCheck = 0;
        while (quietChecks < 2) {
            poll.poll(Duration.ofMillis(250));
            if (System.nanoTime() > deadline)
                throw new TimeoutException("the pipeline did not finish its input within " + timeout.toSeconds() + " s");
            if (System.nanoTime() < nextCheck) continue;
            nextCheck = System.nanoTime() + 1_000_000_000L;
            boolean done = p.inputFinished() && progress.caughtUp(p.context().streamsApps());
            quietChecks = done ? quietChecks + 1 : 0;
        }
    }
}
