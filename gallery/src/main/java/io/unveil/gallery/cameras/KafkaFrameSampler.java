package io.unveil.gallery.cameras;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.unveil.core.record.Frame;
import io.unveil.core.serde.FrameSerde;
import io.unveil.core.topic.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples {@code unveil.frames} for {@link CameraSnapshots}: every {@code every}, for each partition that has new
 * records, seeks to a few records before its end offset, reads up to that end and keeps the newest frame per camera;
 * every other record is never fetched. All partitions stay assigned (no group, no commits) and paused between rounds,
 * so the consumer fetches nothing while it waits. The window is one record for a partition with one camera, twice the
 * cameras seen on it otherwise (at most {@value #MAX_WINDOW}), and {@value #MAX_WINDOW} on every
 * {@value #DISCOVER_EVERY}th round to find cameras that share a partition. Only the newest frame per camera is decoded
 * and downscaled, and only when newer than its snapshot.
 * <p>
 * Cost: meters {@code unveil.gallery.snapshots.fetched.bytes} (what the consumer fetched from the broker),
 * {@code unveil.gallery.snapshots.records} and {@code unveil.gallery.snapshots.cpu.seconds} (this thread's CPU time).
 * Two 640x480 cameras at 5 fps: 12.6% of their records and ~12% of their bytes read, 0.12% of one core
 * (docs/recognition-and-gallery.md); a wider frame adds 5.7 ms (720p) to 10 ms (1080p) of CPU per camera per round.
 */
public final class KafkaFrameSampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFrameSampler.class);
    /** Most records read back from one partition's end in a round. */
    public static final int MAX_WINDOW = 8;
    /** Every this many rounds the window is {@link #MAX_WINDOW}: 8 records per partition each minute at 2 s, to find cameras that share a partition. */
    static final int DISCOVER_EVERY = 30;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CameraSnapshots store;
    private final long everyMs;
    private final Thread thread;
    private volatile boolean running = true;
    /** A retriable error was logged and no round has succeeded since (one warning per outage). */
    private boolean failing;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong fetchedBytes = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();

    public KafkaFrameSampler(Properties clientProps, CameraSnapshots store, Duration every, MeterRegistry registry) {
        if (every.toMillis() < 100) throw new IllegalArgumentException("gallery.snapshot-every must be at least 100ms, got " + every);
        this.store = store;
        this.everyMs = every.toMillis();
        Properties c = new Properties();
        c.putAll(clientProps);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a seek before the log start (a young or trimmed partition) lands on its first record, not at the end
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "64");
        consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        FunctionCounter.builder("unveil.gallery.snapshots.fetched.bytes", fetchedBytes, AtomicLong::get)
                .description("bytes of unveil.frames the snapshot sampler fetched from the broker").register(registry);
        FunctionCounter.builder("unveil.gallery.snapshots.records", records, AtomicLong::get)
                .description("frame records the snapshot sampler read").register(registry);
        FunctionCounter.builder("unveil.gallery.snapshots.cpu.seconds", cpuNanos, n -> n.get() / 1e9)
                .description("CPU time of the snapshot sampler thread (reading, decoding, downscaling)").register(registry);
        FunctionCounter.builder("unveil.gallery.snapshots.kept", store, CameraSnapshots::kept)
                .description("frames kept as a camera's snapshot").register(registry);
        FunctionCounter.builder("unveil.gallery.snapshots.unreadable", store, CameraSnapshots::unreadable)
                .description("newest frames skipped as not a readable image").register(registry);
        thread = new Thread(this::run, "camera-snapshots");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> parts = partitions();
            if (parts.isEmpty()) return;
            consumer.assign(parts);
            consumer.pause(parts);
            Map<TopicPartition, Long> seenEnd = new HashMap<>();
            Map<TopicPartition, Integer> cameras = new HashMap<>();
            while (running) {
                try {
                    round(parts, seenEnd, cameras);
                    failing = false;
                } catch (RetriableException e) {
                    // a broker restart or a slow leader election: the next round tries again (snapshots just age)
                    if (!failing) LOG.warn("camera snapshots: {} (retrying every {} ms)", e.toString(), everyMs);
                    failing = true;
                    consumer.pause(parts); // a round cut short may have left partitions resumed: nothing fetched between rounds
                }
                if (THREADS.isCurrentThreadCpuTimeSupported()) cpuNanos.set(THREADS.getCurrentThreadCpuTime());
                fetchedBytes.set(fetched());
                Thread.sleep(everyMs);
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) LOG.error("camera snapshot reader stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    private List<TopicPartition> partitions() throws InterruptedException {
        while (running) {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(Topics.FRAMES.name(), Duration.ofSeconds(30))
                    .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
            if (!parts.isEmpty()) return parts;
            Thread.sleep(everyMs); // the topic is created by the pipeline's start; wait for it
        }
        return List.of();
    }

    /** One sampling round: the newest frame per camera among the last few records of each partition that moved on. */
    private void round(List<TopicPartition> parts, Map<TopicPartition, Long> seenEnd, Map<TopicPartition, Integer> cameras) {
        boolean discover = rounds.getAndIncrement() % DISCOVER_EVERY == 0;
        Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(5));
        Map<TopicPartition, Long> due = new HashMap<>();
        for (TopicPartition tp : parts) {
            long e = end.getOrDefault(tp, 0L);
            if (e <= seenEnd.getOrDefault(tp, 0L)) continue;
            int cams = cameras.getOrDefault(tp, 0);
            int window = discover ? MAX_WINDOW : cams <= 1 ? 1 : Math.min(MAX_WINDOW, 2 * cams);
            consumer.seek(tp, Math.max(0, e - window));
            due.put(tp, e);
        }
        if (due.isEmpty()) return;
        consumer.resume(due.keySet());
        Map<String, Frame> newest = new HashMap<>();
        Map<TopicPartition, Set<String>> seen = new HashMap<>();
        long deadline = System.currentTimeMillis() + Math.max(1000, everyMs);
        Map<TopicPartition, Long> waiting = new HashMap<>(due);
        while (!waiting.isEmpty() && running && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                records.incrementAndGet();
                Frame f;
                try {
                    f = FrameSerde.fromWire(r.headers(), r.value());
                } catch (SerializationException e) {
                    continue; // the detector dead-letters it; nothing to show
                }
                seen.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), k -> new HashSet<>()).add(f.cameraId());
                Frame old = newest.get(f.cameraId());
                if (old == null || f.captureTimeMs() > old.captureTimeMs()
                        || f.captureTimeMs() == old.captureTimeMs() && f.sequence() > old.sequence()) newest.put(f.cameraId(), f);
            }
            for (TopicPartition tp : List.copyOf(waiting.keySet())) {
                if (consumer.position(tp) < waiting.get(tp)) continue;
                consumer.pause(List.of(tp));
                waiting.remove(tp);
            }
        }
        consumer.pause(due.keySet());
        due.forEach((tp, e) -> {
            seenEnd.put(tp, e);
            Set<String> s = seen.get(tp);
            if (s != null) cameras.merge(tp, s.size(), discover ? (a, b) -> b : Math::max);
        });
        for (Frame f : newest.values()) store.offer(f);
    }

    /** What this consumer has fetched from the broker, from its own fetch metrics (0 before the first fetch). */
    private long fetched() {
        for (Map.Entry<MetricName, ? extends Metric> m : consumer.metrics().entrySet()) {
            MetricName n = m.getKey();
            if (n.name().equals("bytes-consumed-total") && n.group().equals("consumer-fetch-manager-metrics") && !n.tags().containsKey("topic")) {
                Object v = m.getValue().metricValue();
                if (v instanceof Number num) return num.longValue();
            }
        }
        return 0;
    }

    /** Frame records read so far (the meters also give bytes fetched and CPU time). */
    public long records() {
        return records.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
