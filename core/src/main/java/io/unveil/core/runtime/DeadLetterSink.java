package io.unveil.core.runtime;

import io.unveil.core.record.DeadLetter;

/**
 * Where a reader that cannot forward (a global-store processor, a plain consumer) sends a record it rejects. Streams
 * tasks forward their dead letters in the task's transaction instead; this is for the readers outside a task.
 */
@FunctionalInterface
public interface DeadLetterSink {
    void publish(DeadLetter letter);
}
