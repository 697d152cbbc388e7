package io.unveil.core.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.unveil.core.config.CoreSettings;
import io.unveil.core.config.Settings;
import io.unveil.core.metrics.Health;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every role gets from the launcher: the Kafka bootstrap servers, the settings, the metrics registry, a health
 * check registry and a place for local state. Kafka clients built here share one configuration: settings under
 * {@code kafka.} are passed to every client verbatim (e.g. {@code kafka.security.protocol=SSL}).
 */
public final class RoleContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoleContext.class);

    private final String bootstrap;
    private final Settings settings;
    private final MeterRegistry registry;
    private final Path stateDir;
    private final short replicationFactor;
    private final BiConsumer<String, Supplier<Health>> health;
    private final List<StreamsApp> apps = new CopyOnWriteArrayList<>();
    private final List<KafkaStreamsMetrics> binders = new ArrayList<>();

    /** With yes/no health checks only (tests, tools). */
    public RoleContext(String bootstrap, Settings settings, MeterRegistry registry, Path stateDir,
                       short replicationFactor, BiConsumer<String, Supplier<Boolean>> health) {
        this(bootstrap, settings, registry, stateDir, replicationFactor, health, null);
    }

    /** @param detailedHealth receives every check with its state and detail (the metrics server's /health) */
    public RoleContext(String bootstrap, Settings settings, MeterRegistry registry, Path stateDir,
                       short replicationFactor, BiConsumer<String, Supplier<Boolean>> health,
                       BiConsumer<String, Supplier<Health>> detailedHealth) {
        this.health = detailedHealth != null ? detailedHealth
                : (name, check) -> health.accept(name, () -> check.get().state() == Health.State.UP);
        this.bootstrap = bootstrap;
        this.settings = settings;
        this.registry = registry;
        this.stateDir = stateDir;
        this.replicationFactor = replicationFactor;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Settings settings() {
        return settings;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public Path stateDir() {
        return stateDir;
    }

    public short replicationFactor() {
        return replicationFactor;
    }

    /** Adds a check to {@code /health}: the process reports DOWN while any check returns false. */
    public void health(String name, Supplier<Boolean> check) {
        health.accept(name, () -> check.get() ? Health.up(null) : Health.down(null));
    }

    /** Adds a check with a state (UP / DEGRADED / DOWN) and a detail to {@code /health}. */
    public void healthDetail(String name, Supplier<Health> check) {
        health.accept(name, check);
    }

    /** Bootstrap servers plus every {@code kafka.*} setting. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.putAll(settings.withPrefix(CoreSettings.KAFKA));
        return p;
    }

    /** An idempotent producer configuration with acks=all. */
    public Properties producerProperties(String clientId) {
        Properties p = clientProperties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 << 20));
        p.putAll(settings.withPrefix(CoreSettings.KAFKA));
        return p;
    }

    /** Streams configuration: exactly-once v2, state under the state dir, internal topics at the configured rf. */
    public Properties streamsProperties(String applicationId) {
        Properties p = clientProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("streams").toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(replicationFactor));
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Integer.toString(4 << 20));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(settings.get(CoreSettings.STREAMS_THREADS)));
        // Poison records (undeserializable, or a processor throwing) go to unveil.dlq in the task's transaction.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnDeserializationError.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnProcessingError.class.getName());
        settings.withPrefix(CoreSettings.STREAMS_CONFIG).forEach(p::put);
        return p;
    }

    /**
     * Starts a Streams application with {@link #streamsProperties}, binds its client metrics to the registry, adds a
     * health check, and replaces a stream thread that dies instead of stopping the application.
     */
    public KafkaStreams startStreams(String applicationId, Topology topology) {
        return startStreams(applicationId, topology, Map.of());
    }

    /**
     * As {@link #startStreams(String, Topology)} with per-application overrides, e.g. small
     * {@code max.poll.records} for stages that spend long on each record.
     */
    public KafkaStreams startStreams(String applicationId, Topology topology, Map<String, ?> overrides) {
        Properties props = streamsProperties(applicationId);
        props.putAll(overrides);
        settings.withPrefix(CoreSettings.STREAMS_CONFIG).forEach(props::put); // explicit settings still win
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("{}: stream thread failed, replacing it", applicationId, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        synchronized (binders) {
            binders.add(binder);
        }
        StreamsApp app = new StreamsApp(applicationId, streams, sourceTopics(topology));
        apps.add(app);
        healthDetail("streams:" + applicationId, () -> app.healthy() && streams.state() != KafkaStreams.State.CREATED
                ? Health.up(streams.state().name()) : Health.down(streams.state().name()));
        streams.start();
        return streams;
    }

    /** Every Streams application started so far (the launcher watches their progress on their source topics). */
    public List<StreamsApp> streamsApps() {
        return List.copyOf(apps);
    }

    static Set<String> sourceTopics(Topology topology) {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology st : topology.describe().subtopologies()) {
            for (TopologyDescription.Node n : st.nodes()) {
                if (n instanceof TopologyDescription.Source s && s.topicSet() != null) topics.addAll(s.topicSet());
            }
        }
        return topics;
    }

    /** Closes the Streams applications started here (roles close their own other clients). */
    @Override
    public void close() {
        for (StreamsApp app : apps) {
            try {
                app.streams().close(Duration.ofSeconds(20));
            } catch (RuntimeException e) {
                LOG.warn("{}: close failed: {}", app.applicationId(), e.toString());
            }
        }
        synchronized (binders) {
            binders.forEach(KafkaStreamsMetrics::close);
            binders.clear();
        }
        apps.clear();
    }
}
