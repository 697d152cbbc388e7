package io.unveil.gallery.store;

import io.unveil.core.gallery.GalleryRecords;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.runtime.DeadLetterSink;
import io.unveil.core.runtime.KafkaDeadLetterSink;
import io.unveil.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gallery held in {@code unveil.gallery}: a consumer thread reads the compacted topic from the beginning (no group,
 * all partitions, committed records only) into a map; writes are applied locally once acknowledged. A record that is
 * not a valid entry is sent to {@code unveil.dlq} with its reason and leaves the map as it was.
 * <p>
 * Writes are a compare-and-set on the log, across processes: every writer uses the one transactional id
 * {@value #WRITER_ID}. Creating that producer ({@code initTransactions}) fences every other writer; the writer then
 * reads the topic up to its last stable offset, computes the new entry from the latest one and commits it in a
 * transaction. Another writer that wrote meanwhile must have initialised after it, so this commit fails with
 * {@link ProducerFencedException} and the write is recomputed on the newer entry: two gallery processes (the
 * Kubernetes Deployment scaled past 1) cannot lose each other's acknowledged writes. Uncontended, a write costs one
 * short transaction (the producer is kept); each lost race costs a new producer.
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
    /** The transactional id every gallery writer shares: holding its newest epoch is the right to write. */
    public static final String WRITER_ID = "unveil-gallery-writer";
    static final int MAX_ATTEMPTS = 12;
    /** Header carrying a random id per write: how a writer whose commit failed finds out whether it landed. */
    static final String WRITE_ID_HEADER = "unveil-write-id";
    /** Write ids read lately (bounded: a writer only looks for its own last write). Guarded by this. */
    private final Map<String, Long> seenWrites = new java.util.LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 4096;
        }
    };
    private final Properties writerProps;
    private final Object writeLock = new Object();
    private KafkaProducer<String, GalleryEntry> writer; // guarded by writeLock; null until the first write or after a fence
    /** read_committed, used under writeLock only: the last stable offsets the reader must reach before a write. */
    private final KafkaConsumer<String, byte[]> endProbe;
    private volatile Map<TopicPartition, Long> readerPositions = Map.of();
    private volatile List<TopicPartition> partitions;
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
        writerProps = new Properties();
        writerProps.putAll(producerProps);
        writerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, WRITER_ID);
        // a writer that dies mid-write holds back every read_committed reader until the next writer fences it or this
        // passes: short, a gallery write is one record
        writerProps.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
        Properties c = new Properties();
        c.putAll(consumerProps);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // a fenced writer's aborted record is not an entry
        // raw bytes, decoded in apply(): a value deserializer that throws would stop the reader on one bad record
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Properties probe = new Properties();
        probe.putAll(c);
        Object cid = probe.get(ConsumerConfig.CLIENT_ID_CONFIG);
        if (cid != null) probe.put(ConsumerConfig.CLIENT_ID_CONFIG, cid + "-end-probe");
        endProbe = new KafkaConsumer<>(probe, new StringDeserializer(), new ByteArrayDeserializer());
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
            partitions = List.copyOf(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) apply(r);
                Map<TopicPartition, Long> at = new java.util.HashMap<>();
                for (TopicPartition tp : parts) at.put(tp, consumer.position(tp));
                readerPositions = at; // after apply(): a writer waiting for these positions sees the applied entries
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
        var h = r.headers().lastHeader(WRITE_ID_HEADER);
        if (h != null) seenWrites.put(new String(h.value(), StandardCharsets.UTF_8), r.offset());
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
    public GalleryEntry update(String id, UnaryOperator<GalleryEntry> change) {
        synchronized (writeLock) {
            for (int attempt = 1; ; attempt++) {
                String writeId = null;
                GalleryEntry next = null;
                try {
                    KafkaProducer<String, GalleryEntry> p = writer(); // fences every other writer
                    awaitReader(); // everything committed before the fence is in the map now
                    GalleryEntry current = entries.get(id);
                    next = change.apply(current);
                    if (next == current) return current;
                    writeId = UUID.randomUUID().toString();
                    ProducerRecord<String, GalleryEntry> rec = new ProducerRecord<>(Topics.GALLERY.name(), id, next);
                    rec.headers().add(WRITE_ID_HEADER, writeId.getBytes(StandardCharsets.UTF_8));
                    p.beginTransaction();
                    var sent = p.send(rec);
                    p.commitTransaction(); // fails when another writer fenced this one after the read above
                    long offset = sent.get(30, TimeUnit.SECONDS).offset();
                    synchronized (this) {
                        localWrites.merge(id, offset, Math::max);
                        if (next == null) entries.remove(id);
                        else entries.put(id, next);
                    }
                    return next;
                } catch (KafkaException | ExecutionException | TimeoutException e) {
                    closeWriter(); // a fenced producer cannot be used again; a broken one's transaction is aborted by the next fence
                    // The commit's outcome can be unknown (measured: an EndTxn racing the other writer's fence answered
                    // UNKNOWN_SERVER_ERROR). The next fence settles it; then the log says whether the write is in it.
                    if (writeId != null && landed(writeId)) return next;
                    if (permanent(e) || attempt >= MAX_ATTEMPTS && !fenced(e))
                        throw new IllegalStateException("the gallery topic did not accept the write: " + e.getMessage(), e);
                    if (attempt >= MAX_ATTEMPTS)
                        throw new ConcurrentWriteException("another gallery writer won " + attempt + " attempts in a row to write '" + id + "'");
                    backOff(attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closeWriter();
                    throw new IllegalStateException("interrupted while writing the gallery", e);
                }
            }
        }
    }

    /** After a failed commit: fences (completing or aborting the transaction), reads to the end, looks for the write. */
    private boolean landed(String writeId) {
        try {
            writer();
            awaitReader();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the gallery", e);
        } catch (TimeoutException | RuntimeException e) {
            closeWriter();
            throw new IllegalStateException("the gallery write's outcome is unknown (the topic did not answer): " + e.getMessage(), e);
        }
        synchronized (this) {
            return seenWrites.containsKey(writeId);
        }
    }

    /**
     * Errors that another attempt cannot fix. Everything else is retried on the latest entry: a lost race shows as a
     * fence, but also as INVALID_TXN_STATE or UNKNOWN_SERVER_ERROR from a commit racing the other writer's fence
     * (both measured in GalleryTwoWritersBrokerTest).
     */
    private static boolean permanent(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause())
            if (c instanceof AuthenticationException || c instanceof AuthorizationException || c instanceof RecordTooLargeException
                    || c instanceof SerializationException || c instanceof UnsupportedVersionException) return true;
        return false;
    }

    private KafkaProducer<String, GalleryEntry> writer() {
        if (writer == null) {
            KafkaProducer<String, GalleryEntry> p = new KafkaProducer<>(writerProps, Topics.GALLERY.keySerde().serializer(),
                    Topics.GALLERY.valueSerde().serializer());
            try {
                p.initTransactions();
            } catch (RuntimeException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            writer = p;
        }
        return writer;
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // fenced or broken: nothing of it is needed
            }
            writer = null;
        }
    }

    /** Another writer took over the transactional id: the write is recomputed on what that writer wrote. */
    private static boolean fenced(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause())
            if (c instanceof ProducerFencedException || c instanceof InvalidProducerEpochException) return true;
        return false;
    }

    /** Random back-off growing with the attempt: two writers that keep fencing each other drift apart. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 40L * Math.min(attempt, 8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the gallery", e);
        }
    }

    /** Waits until the reader has applied everything up to the topic's current last stable offset. */
    private void awaitReader() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (partitions == null) {
            if (stopped) throw new IllegalStateException("the gallery reader stopped");
            if (System.nanoTime() > deadline) throw new TimeoutException("the gallery reader has not started");
            Thread.sleep(5);
        }
        Map<TopicPartition, Long> end = endProbe.endOffsets(partitions, Duration.ofSeconds(30));
        while (true) {
            Map<TopicPartition, Long> at = readerPositions;
            boolean caughtUp = true;
            for (var e : end.entrySet()) caughtUp &= at.getOrDefault(e.getKey(), -1L) >= e.getValue();
            if (caughtUp) return;
            if (stopped) throw new IllegalStateException("the gallery reader stopped");
            if (System.nanoTime() > deadline) throw new TimeoutException("the gallery reader did not reach " + end + " in 30 s (at " + at + ")");
            Thread.sleep(2);
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
        synchronized (writeLock) {
            closeWriter();
        }
        endProbe.close(Duration.ofSeconds(5));
        if (ownSink != null) ownSink.close();
    }
}
