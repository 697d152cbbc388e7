package io.unveil.deploy.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the pipeline's output topics (committed records only) from their end as of construction, so a caller that
 * creates it before starting the roles sees everything the run writes and nothing of an earlier one.
 */
public final class TopicTail implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    public TopicTail(Properties clientProps, List<String> topics) {
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 << 20));
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        for (String t : topics) {
            for (PartitionInfo pi : consumer.partitionsFor(t, Duration.ofSeconds(30)))
                partitions.add(new TopicPartition(t, pi.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // pin the start now, before the pipeline writes
    }

    /** Hands each non-null record that arrives within the timeout to the handler. */
    public void poll(Duration timeout, Consumer<ConsumerRecord<String, byte[]>> handler) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            if (r.value() != null) handler.accept(r);
        }
    }

    /** Reads until every partition is at its current end (at most 30 s). */
    public void drain(Consumer<ConsumerRecord<String, byte[]>> handler) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (TopicPartition tp : partitions) done &= consumer.position(tp) >= ends.get(tp);
            if (done) return;
            poll(Duration.ofMillis(200), handler);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
