package io.unveil.deploy.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start with isolation.level=read_committed: only records of committed transactions. */
final class Committed {
    private Committed() {
    }

    /** Every committed record, key -> values in offset order, once {@code expected} records arrived or the time is up. */
    static Map<String, List<String>> read(String bootstrap, String topic, int expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "verify-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<String>> out = new HashMap<>();
        int n = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(topic, Duration.ofSeconds(15)).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            long quietSince = 0;
            while (System.nanoTime() < deadline) {
                var recs = c.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> r : recs) {
                    out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
                    n++;
                }
                // Past the expected count, keep reading a little to catch late duplicates.
                if (n >= expected) {
                    if (quietSince == 0) quietSince = System.nanoTime();
                    if (System.nanoTime() - quietSince > 3_000_000_000L) break;
                }
            }
        }
        return out;
    }

    static int total(Map<String, List<String>> m) {
        return m.values().stream().mapToInt(List::size).sum();
    }
}
