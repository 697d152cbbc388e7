package io.unveil.gallery.events;

import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code unveil.events} (the last {@code backfill} per partition, then live) into an {@link EventFeed}. */
public final class KafkaEventSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventSource.class);
    private final KafkaConsumer<String, byte[]> consumer;
    private final EventFeed feed;
    private final Thread thread;
    private volatile boolean running = true;

    public KafkaEventSource(Properties consumerProps, EventFeed feed, int backfill) {
        this.feed = feed;
        Properties c = new Properties();
        c.putAll(consumerProps);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(c, Topics.EVENTS.keySerde().deserializer(), new ByteArrayDeserializer());
        thread = new Thread(() -> run(backfill), "events-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int backfill) {
        var de = Topics.EVENTS.valueSerde().deserializer();
        try {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(Topics.EVENTS.name(), Duration.ofSeconds(30))
                    .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
            for (TopicPartition tp : parts) consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - backfill));
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        RecognitionEvent e = de.deserialize(r.topic(), r.value());
                        if (e != null) feed.publish(e);
                    } catch (SerializationException ex) {
                        LOG.warn("skipping unreadable event at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), ex.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) LOG.error("event reader stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
