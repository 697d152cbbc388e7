package io.unveil.core.runtime;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/** A running Kafka Streams application started through {@link RoleContext#startStreams}. */
public record StreamsApp(String applicationId, KafkaStreams streams, Set<String> sourceTopics) {
    public boolean healthy() {
        KafkaStreams.State s = streams.state();
        return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING || s == KafkaStreams.State.CREATED;
    }
}
