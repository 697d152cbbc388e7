package io.unveil.deploy.demo;

import io.unveil.core.record.Face;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.topic.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code unveil.faces} and {@code unveil.events} (committed records only, from the end as of construction)
 * and prints one JSON line per record.
 */
public final class OutputPrinter implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final PrintStream out;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Set<Long> tracks = new HashSet<>();
    private long faces;
    private long events;

    public OutputPrinter(Properties clientProps, PrintStream out) {
        this.out = out;
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 << 20));
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        for (String t : List.of(Topics.FACES.name(), Topics.EVENTS.name())) {
            for (PartitionInfo pi : consumer.partitionsFor(t, Duration.ofSeconds(30)))
                partitions.add(new TopicPartition(t, pi.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // pin the start now, before the pipeline writes
    }

    /** Prints what arrived within the timeout. */
    public void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
            if (r.value() == null) continue;
            if (r.topic().equals(Topics.FACES.name())) {
                Face f = Topics.FACES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                faces++;
                tracks.add(f.trackId());
                out.println(JsonLines.face(f));
            } else {
                RecognitionEvent e = Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                events++;
                out.println(JsonLines.event(e));
            }
        }
        out.flush();
    }

    /** Reads until every partition is at its current end. */
    public void drain() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (TopicPartition tp : partitions) done &= consumer.position(tp) >= ends.get(tp);
            if (done) return;
            poll(Duration.ofMillis(200));
        }
    }

    public long faces() {
        return faces;
    }

    public long events() {
        return events;
    }

    public int tracks() {
        return tracks.size();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
