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

    /** Segments of a delete-policy topic are at most this big (Kafka's default is 1 GiB). */
    public static final long SEGMENT_BYTES = 64L << 20;
    /** The compacted gallery is small; small segments let the cleaner drop overwritten and deleted entries soon. */
    public static final long COMPACTED_SEGMENT_BYTES = 16L << 20;

    /**
     * How long a segment stays open. Retention deletes whole closed segments, so data lives up to retention + this:
     * with Kafka's default (7 days, 1 GiB segments) the frames' 1 h retention deleted nothing until a segment rolled,
     * and one camera grew the data dir by 48 MB/min (issue 25). A sixth of the retention (at least 1 min, at most
     * 1 day) bounds what is on disk to ~7/6 of the retention; the compacted gallery rolls hourly so its cleaner can run.
     */
    public Duration segmentTime() {
        if (retention == null) return Duration.ofHours(1);
        Duration d = retention.dividedBy(6);
        if (d.compareTo(Duration.ofMinutes(1)) < 0) return Duration.ofMinutes(1);
        return d.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : d;
    }

    public long segmentBytes() {
        return compacted ? COMPACTED_SEGMENT_BYTES : SEGMENT_BYTES;
    }

    /** The topic-level settings this catalogue owns (applied at creation and re-applied to existing topics). */
    public Map<String, String> configs() {
        Map<String, String> cfg = new HashMap<>();
        cfg.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        if (retention != null) cfg.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        cfg.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(segmentTime().toMillis()));
        cfg.put(TopicConfig.SEGMENT_BYTES_CONFIG, Long.toString(segmentBytes()));
        return cfg;
    }

    public NewTopic newTopic(short replicationFactor, int minInsyncReplicas) {
        Map<String, String> cfg = new HashMap<>(configs());
        if (minInsyncReplicas > 1) cfg.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
        return new NewTopic(name, partitions, replicationFactor).configs(cfg);
    }
}
