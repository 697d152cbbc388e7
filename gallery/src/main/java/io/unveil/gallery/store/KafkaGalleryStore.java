package io.unveil.gallery.store;

import io.unveil.core.gallery.GalleryRecords;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.runtime.DeadLetterSink;
import io.unveil.core.runtime.KafkaDeadLetterSink;
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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gallery held in {@code unveil.gallery}: a consumer thread reads the compacted topic from the beginning (no group,
 * all partitions) into a map; writes go through an idempotent producer and are applied locally once acknowledged.
 * A record that is not a valid entry is sent to {@code unveil.dlq} with its reason and leaves the map as it was.
 */
public final class KafkaGalleryStore implements GalleryStore {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaGalleryStore.class);
    static final String STAGE = "gallery-reader";
    private final Map<String, GalleryEntry> entries = new ConcurrentHashMap<>();
    /**
     * Offset of this process's latest acknowledged write per id, until the reader has read that far: the reader skips
     * older records of the id, so the echo of a rename read after the local delete cannot put the entry back (and a
     * rename that re-read it then would have written it back for good). Guarded by this.
     */
    private final Map<String, Long> localWrites = new java.util.HashMap<>();
    private final KafkaProducer<String, GalleryEntry> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final DeadLetterSink deadLetters;
    private final KafkaDeadLetterSink ownSink;
    private final Thread reader;
    private volatile boolean ready;
    private volatile boolean running = true;
    private volatile boolean stopped;

    /** Bad records of the topic go to {@code unveil.dlq} through a producer built from {@code producerProps}. */
    public KafkaGalleryStore(Properties producerProps, Properties consumerProps) {
        this(producerProps, consumerProps, null);
    }

    /** @param deadLetters where bad records of the topic go (null: a producer to {@code unveil.dlq} of its own) */
    public KafkaGalleryStore(Properties producerProps, Properties consumerProps, DeadLetterSink deadLetters) {
        if (deadLetters == null) {
            Properties p = new Properties();
            p.putAll(producerProps);
            Object id = p.get(ProducerConfig.CLIENT_ID_CONFIG);
            if (id != null) p.put(ProducerConfig.CLIENT_ID_CONFIG, id + "-dlq");
            ownSink = new KafkaDeadLetterSink(p, STAGE);
            this.deadLetters = ownSink;
        } else {
            ownSink = null;
            this.deadLetters = deadLetters;
        }
        producer = new KafkaProducer<>(producerProps, Topics.GALLERY.keySerde().serializer(),
                Topics.GALLERY.valueSerde().serializer());
        Properties c = new Properties();
        c.putAll(consumerProps);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // raw bytes, decoded in apply(): a value deserializer that throws would stop the reader on one bad record
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
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
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) apply(r);
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
            stopped = true; // ready() turns false: the health check must not stay UP on a dead reader
            consumer.close();
        }
    }

    private synchronized void apply(ConsumerRecord<String, byte[]> r) {
        Long written = r.key() == null ? null : localWrites.get(r.key());
        if (written != null) {
            if (r.offset() < written) return; // already superseded by an acknowledged local write
            localWrites.remove(r.key());
        }
        GalleryRecords.Decoded d = GalleryRecords.decode(r.key(), r.value());
        if (d.rejected()) {
            LOG.warn("{}: gallery record {}-{}@{} rejected, sent to unveil.dlq: {}", STAGE, r.topic(), r.partition(),
                    r.offset(), d.reason());
            deadLetters.publish(GalleryRecords.deadLetter(STAGE, d.reason(), r.partition(), r.offset(), r.key(), r.value(),
                    r.timestamp(), r.headers()));
        } else if (d.tombstone()) {
            entries.remove(r.key());
        } else {
            entries.put(r.key(), d.entry());
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
        long offset = send(entry.id(), entry);
        synchronized (this) {
            localWrites.merge(entry.id(), offset, Math::max);
            entries.put(entry.id(), entry);
        }
    }

    @Override
    public boolean delete(String id) {
        if (!entries.containsKey(id)) return false;
        long offset = send(id, null);
        synchronized (this) {
            localWrites.merge(id, offset, Math::max);
            entries.remove(id);
        }
        return true;
    }

    /** Returns the offset the topic acknowledged the write at. */
    private long send(String id, GalleryEntry e) {
        try {
            return producer.send(new ProducerRecord<>(Topics.GALLERY.name(), id, e)).get(30, TimeUnit.SECONDS).offset();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the gallery", ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the gallery topic did not accept the write: " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean ready() {
        return ready && !stopped;
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
        if (ownSink != null) ownSink.close();
    }
}
