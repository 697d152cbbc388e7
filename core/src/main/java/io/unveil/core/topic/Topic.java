package io.unveil.core.topic;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A topic with everything needed to create it and read or write it. All of them live in {@link Topics}. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted,
                          Duration retention) {

    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }

    public NewTopic newTopic(short replicationFactor, int minInsyncReplicas) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        if (retention != null) cfg.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        if (minInsyncReplicas > 1) cfg.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
        return new NewTopic(name, partitions, replicationFactor).configs(cfg);
    }
}
