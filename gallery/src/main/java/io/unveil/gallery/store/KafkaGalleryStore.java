package io.unveil.gallery.store;

import io.unveil.core.record.GalleryEntry;
import io.unveil.core.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gallery held in {@code unveil.gallery}: a consumer thread reads the compacted topic from the beginning (no group,
 * all partitions) into a map; writes go through an idempotent producer and are applied locally once acknowledged.
 */
public final class KafkaGalleryStore implements GalleryStore {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaGalleryStore.class);
    private final Map<String, GalleryEntry> entries = new ConcurrentHashMap<>();
    private final KafkaProducer<String, GalleryEntry> producer;
    private final KafkaConsumer<String, GalleryEntry> consumer;
    private final Thread reader;
    private volatile boolean ready;
    private volatile boolean running = true;

    public KafkaGalleryStore(Properties producerProps, Properties consumerProps) {
        producer = new KafkaProducer<>(producerProps, Topics.GALLERY.keySerde().serializer(),
                Topics.GALLERY.valueSerde().serializer());
        Properties c = new Properties();
        c.putAll(consumerProps);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(c, Topics.GALLERY.keySerde().deserializer(), Topics.GALLERY.valueSerde().deserializer());
        reader = new Thread(this::read, "gallery-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(Topics.GALLERY.name(), Duration.ofSeconds(30))
                    .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (running) {
                for (ConsumerRecord<String, GalleryEntry> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() == null) continue;
                    if (r.value() == null) entries.remove(r.key());
                    else entries.put(r.key(), r.value());
                }
                if (!ready) {
                    boolean caughtUp = true;
                    for (TopicPartition tp : parts) caughtUp &= consumer.position(tp) >= end.get(tp);
                    if (caughtUp) {
                        ready = true;
                        LOG.info("gallery loaded: {} identities", entries.size());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) LOG.error("gallery reader stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    @Override
    public List<GalleryEntry> list() {
        List<GalleryEntry> l = new ArrayList<>(entries.values());
        l.sort(Comparator.comparing(GalleryEntry::name, String.CASE_INSENSITIVE_ORDER).thenComparing(GalleryEntry::id));
        return l;
    }

    @Override
    public GalleryEntry get(String id) {
        return entries.get(id);
    }

    @Override
    public void put(GalleryEntry entry) {
        send(entry.id(), entry);
        entries.put(entry.id(), entry);
    }

    @Override
    public boolean delete(String id) {
        if (!entries.containsKey(id)) return false;
        send(id, null);
        entries.remove(id);
        return true;
    }

    private void send(String id, GalleryEntry e) {
        try {
            producer.send(new ProducerRecord<>(Topics.GALLERY.name(), id, e)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the gallery", ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the gallery topic did not accept the write: " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
