package io.unveil.deploy.runtime;

import io.unveil.core.runtime.StreamsApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether the Streams applications have processed everything in their input topics: for each source partition the
 * group's committed offset has reached the last stable offset, or only transaction markers lie between them.
 */
public final class Progress implements AutoCloseable {
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> peek;

    public Progress(Properties clientProps) {
        admin = Admin.create(clientProps);
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        peek = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** True when every app has caught up on every partition of its source topics. */
    public boolean caughtUp(List<StreamsApp> apps) throws Exception {
        for (StreamsApp app : apps) {
            List<String> topics = new ArrayList<>();
            for (String t : app.sourceTopics()) topics.add(t.endsWith("-repartition") ? app.applicationId() + "-" + t : t);
            Map<String, TopicDescription> desc = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            desc.values().forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(app.applicationId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            for (var e : ends.entrySet()) {
                long end = e.getValue().offset();
                OffsetAndMetadata c = committed.get(e.getKey());
                long at = c == null ? 0 : c.offset();
                if (at >= end) continue;
                if (hasRecords(e.getKey(), at, end)) return false;
            }
        }
        return true;
    }

    private boolean hasRecords(TopicPartition tp, long from, long end) {
        peek.assign(List.of(tp));
        peek.seek(tp, from);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            var recs = peek.poll(Duration.ofMillis(200));
            for (var r : recs) if (r.offset() < end) return true;
            if (peek.position(tp) >= end) return false;
        }
        return true;
    }

    @Override
    public void close() {
        peek.close();
        admin.close();
    }
}
