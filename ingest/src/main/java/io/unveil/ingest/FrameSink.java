package io.unveil.ingest;

import io.unveil.core.record.Frame;

/** Where a camera's frames go: Kafka in production, a list in tests. */
public interface FrameSink extends AutoCloseable {
    void send(Frame frame);

    @Override
    default void close() {
    }
}
