package io.unveil.core.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start/close shape every role shares. {@link #open} loads what the role needs and registers each resource with
 * {@link #closeOnStop} (or starts its Streams application with {@link #startStreams}) as it goes; {@link #close}
 * closes them in reverse order, so a Streams application stops its threads before the models they call go away
 * and in-flight records finish instead of failing. A role that fails half-way through {@code open} releases what it
 * had opened. Closing twice is harmless.
 */
public abstract class AbstractRole implements Role {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractRole.class);
    /** How long a Streams application may take to finish its in-flight records and commit. */
    static final Duration STREAMS_CLOSE = Duration.ofSeconds(20);

    private final String name;
    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    protected AbstractRole(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Loads and starts the role; returns once it runs. */
    protected abstract void open(RoleContext ctx) throws Exception;

    @Override
    public final void start(RoleContext ctx) throws Exception {
        try {
            open(ctx);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Registers a resource to be closed when the role stops (after everything registered later); returns it. */
    protected final <T extends AutoCloseable> T closeOnStop(T resource) {
        synchronized (open) {
            open.push(resource);
        }
        return resource;
    }

    /** {@link RoleContext#startStreams} whose application is closed when the role stops. */
    protected final KafkaStreams startStreams(RoleContext ctx, String applicationId, Topology topology) {
        return startStreams(ctx, applicationId, topology, Map.of());
    }

    /** As {@link #startStreams(RoleContext, String, Topology)} with per-application overrides. */
    protected final KafkaStreams startStreams(RoleContext ctx, String applicationId, Topology topology,
                                              Map<String, ?> overrides) {
        KafkaStreams streams = ctx.startStreams(applicationId, topology, overrides);
        closeOnStop(() -> streams.close(STREAMS_CLOSE));
        return streams;
    }

    /** Closes what {@link #open} registered, last first; a resource that fails to close is logged and skipped. */
    @Override
    public void close() {
        while (true) {
            AutoCloseable next;
            synchronized (open) {
                next = open.poll();
            }
            if (next == null) return;
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("{}: close failed: {}", name, e.toString());
            }
        }
    }
}
