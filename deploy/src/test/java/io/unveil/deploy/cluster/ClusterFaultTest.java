package io.unveil.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.Face;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.Json;
import io.unveil.core.topic.Topic;
import io.unveil.core.topic.Topics;
import io.unveil.recognize.testing.PatternFaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Faults on a real 3-broker KRaft cluster, every broker and worker its own JVM ({@link LocalCluster}, the engine of
 * {@code unveil cluster}): a broker stopped and restarted mid-stream, a worker killed with SIGKILL mid-stream and
 * restarted, a second worker joining (rebalance). Checked with a read_committed consumer: every input yields exactly
 * one output, nothing lost, nothing duplicated.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTest {
    static Path dir;
    static LocalCluster cluster;

    @BeforeAll
    static void up() throws Exception {
        dir = Files.createTempDirectory("unveil-cluster-test");
        cluster = LocalCluster.open(dir, 3);
        long t0 = System.nanoTime();
        cluster.up("256m", Duration.ofSeconds(120));
        List<String> created = cluster.createTopics(List.of(
                new NewTopic("eos.in", 3, (short) 3).configs(Map.of("min.insync.replicas", "2")),
                new NewTopic("eos.out", 3, (short) 3).configs(Map.of("min.insync.replicas", "2")),
                new NewTopic("kill.in", 6, (short) 3).configs(Map.of("min.insync.replicas", "2")),
                new NewTopic("kill.out", 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))));
        System.out.printf("cluster up in %.1f s, created %s%n", (System.nanoTime() - t0) / 1e9, created);
    }

    @AfterAll
    static void down() {
        if (cluster != null) {
            cluster.down(Duration.ofSeconds(20));
            System.out.println(cluster.status());
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unveilTopicsHaveReplicationFactor3AndMinIsr2() {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        // topic metadata reaches every broker asynchronously after creation: wait for it (bounded by the @Timeout)
        Map<String, TopicDescription> d = cluster.describe(names);
        for (int i = 0; i < 40 && d.size() < names.size(); i++) {
            sleep(500);
            d = cluster.describe(names);
        }
        assertEquals(names.size(), d.size(), "all Unveil topics exist");
        for (Topic<?, ?> t : Topics.ALL) {
            TopicDescription td = d.get(t.name());
            assertEquals(t.partitions(), td.partitions().size(), t.name());
            td.partitions().forEach(p -> assertEquals(3, p.replicas().size(), t.name() + " RF"));
        }
        cluster.minIsr(names).forEach((t, v) -> assertEquals("2", v, t + " min.insync.replicas"));
        String status = cluster.status();
        System.out.print(status);
        assertTrue(status.contains("unveil.gallery"), status);
    }

    @Test
    @Order(2)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void brokerStoppedAndRestartedMidStreamLosesAndDuplicatesNothing() throws Exception {
        int n = 3000, perTxn = 25; // ~120 transactions paced over ~30 s, so the broker cycle lands mid-stream
        // The processing side: an exactly-once v2 Streams worker in its own JVM, eos.in -> eos.out.
        cluster.startRole("eos-relay", RelayWorker.class.getName(),
                List.of(cluster.bootstrap(), "eos-relay", "eos.in", "eos.out", cluster.role("eos-relay").dir().resolve("state").toString()),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger aborted = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        java.util.concurrent.CountDownLatch brokerBack = new java.util.concurrent.CountDownLatch(1);
        Thread producer = new Thread(() -> {
            try {
                // The last quarter waits for broker 2 to be back, so the restart happens mid-stream on any machine.
                produceTransactionally("eos-producer", "eos.in", n, perTxn, 200, sent, aborted, 3 * n / 4, brokerBack);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "eos-producer");
        producer.start();
        waitFor(() -> sent.get() >= n / 4, Duration.ofSeconds(40), "a quarter of the records sent");
        long t0 = System.nanoTime();
        assertTrue(cluster.broker(2).stop(Duration.ofSeconds(30)), "broker 2 was running");
        int sentAtStop = sent.get();
        System.out.printf("broker 2 stopped at %d records sent (%.1f s)%n", sentAtStop, (System.nanoTime() - t0) / 1e9);
        waitFor(() -> sent.get() >= Math.min(sentAtStop + n / 4, 3 * n / 4) || !producer.isAlive(), Duration.ofSeconds(40), "progress with 2 of 3 brokers");
        int sentWithTwo = sent.get();
        cluster.startBroker(2, "256m");
        cluster.awaitBrokers(3, Duration.ofSeconds(60));
        System.out.printf("broker 2 back at %d records sent (%d sent while it was down)%n", sent.get(), sent.get() - sentAtStop);
        brokerBack.countDown();
        producer.join(60_000);
        if (failure.get() != null) throw new AssertionError("producer failed", failure.get());
        assertEquals(n, sent.get(), "producer committed every record");
        assertTrue(sentWithTwo > sentAtStop && sentWithTwo < n, "the stream kept flowing while broker 2 was down, and broker 2 came back mid-stream");

        Map<String, List<String>> in = Committed.read(cluster.bootstrap(), "eos.in", n, Duration.ofSeconds(30));
        Map<String, List<String>> out = Committed.read(cluster.bootstrap(), "eos.out", n, Duration.ofSeconds(60));
        assertExactlyOnce(n, in, "eos.in");
        assertExactlyOnce(n, out, "eos.out");
        out.forEach((k, v) -> assertTrue(v.get(0).startsWith("value-" + k.substring(4) + "|"), k + " -> " + v));
        cluster.role("eos-relay").stop(Duration.ofSeconds(20));
        awaitFullIsr(List.of("eos.in", "eos.out"), Duration.ofSeconds(30));
        System.out.printf("broker restart: %d in, %d out committed, %d aborted transactions retried, 0 lost, 0 duplicated%n",
                Committed.total(in), Committed.total(out), aborted.get());
    }

    @Test
    @Order(3)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void workerKilledWithSigkillMidStreamAndRestartedYieldsExactlyOneOutputPerInput() throws Exception {
        int n = 3000;
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        List<String> argsA = List.of(cluster.bootstrap(), "kill-relay", "kill.in", "kill.out", cluster.role("worker-a").dir().resolve("state").toString());
        List<String> argsB = List.of(cluster.bootstrap(), "kill-relay", "kill.in", "kill.out", cluster.role("worker-b").dir().resolve("state").toString());
        cluster.startRole("worker-a", RelayWorker.class.getName(), argsA, jvm);
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                produceTransactionally("kill-producer", "kill.in", n, 25, 150, sent, new AtomicInteger());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "kill-producer");
        producer.start();
        waitFor(() -> sent.get() >= n / 5, Duration.ofSeconds(40), "a fifth sent");
        // Scale out: a second worker of the same application joins; partitions are rebalanced between the two.
        cluster.startRole("worker-b", RelayWorker.class.getName(), argsB, jvm);
        waitFor(() -> sent.get() >= 2 * n / 5, Duration.ofSeconds(40), "two fifths sent");
        int outBeforeKill = Committed.total(Committed.read(cluster.bootstrap(), "kill.out", 1, Duration.ofSeconds(5)));
        assertTrue(cluster.role("worker-a").kill(), "worker A was running");
        int sentAtKill = sent.get();
        System.out.printf("worker A killed (SIGKILL) at %d sent, %d committed outputs%n", sentAtKill, outBeforeKill);
        assertTrue(sentAtKill < n, "the kill lands mid-stream");
        Thread.sleep(3000);
        cluster.startRole("worker-a", RelayWorker.class.getName(), argsA, jvm);
        producer.join(90_000);
        if (failure.get() != null) throw new AssertionError("producer failed", failure.get());
        Map<String, List<String>> out = Committed.read(cluster.bootstrap(), "kill.out", n, Duration.ofSeconds(60));
        assertExactlyOnce(n, out, "kill.out");
        Map<String, Long> byWorker = out.values().stream().map(v -> v.get(0).substring(v.get(0).lastIndexOf("|pid") + 4))
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        System.out.printf("worker kill -9: %d inputs, %d outputs committed, by worker pid %s, 0 lost, 0 duplicated%n",
                n, Committed.total(out), byWorker);
        assertTrue(byWorker.size() >= 2, "outputs came from more than one worker process: " + byWorker);
        cluster.role("worker-a").stop(Duration.ofSeconds(20));
        cluster.role("worker-b").stop(Duration.ofSeconds(20));
    }

    /**
     * The real recognize topology in two worker JVMs: faces of 60 tracks go in transactionally, a second worker joins,
     * the first is killed with SIGKILL mid-stream and restarted. Every track must produce exactly one FIRST and one
     * ENDED event, and no event id may appear twice (ids are derived from camera, track and decision).
     */
    @Test
    @Order(4)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void recognizeWorkerKilledMidStreamEmitsEveryTrackEventExactlyOnce() throws Exception {
        int cameras = 6, tracksPerCamera = 10, facesPerTrack = 6;
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        List<String> argsA = List.of(cluster.bootstrap(), "kill-recognize", cluster.role("recognize-a").dir().resolve("state").toString());
        List<String> argsB = List.of(cluster.bootstrap(), "kill-recognize", cluster.role("recognize-b").dir().resolve("state").toString());
        cluster.startRole("recognize-a", RecognizeWorker.class.getName(), argsA, jvm);
        AtomicInteger sentTracks = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int tracks = cameras * tracksPerCamera;
        Thread producer = new Thread(() -> {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kill-recognize-faces");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, Face> prod = new KafkaProducer<>(p,
                    Topics.FACES_REPAIRED.keySerde().serializer(), Topics.FACES_REPAIRED.valueSerde().serializer())) {
                prod.initTransactions();
                long t0 = System.currentTimeMillis();
                for (int k = 0; k < tracksPerCamera; k++) {
                    prod.beginTransaction();
                    for (int cam = 0; cam < cameras; cam++) {
                        String camera = "cam-" + cam;
                        long track = k + 1;
                        for (int f = 0; f < facesPerTrack; f++) {
                            long t = t0 + k * 10_000L + f * 100L;
                            prod.send(new ProducerRecord<>(Topics.FACES_REPAIRED.name(), null, t, camera,
                                    PatternFaces.face(camera, track, f, t, 100 + k % 4, 0.8f)));
                        }
                    }
                    prod.commitTransaction();
                    sentTracks.addAndGet(cameras);
                    Thread.sleep(1500);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "kill-recognize-producer");
        producer.start();
        waitFor(() -> sentTracks.get() >= tracks / 5, Duration.ofSeconds(40), "a fifth of the tracks sent");
        cluster.startRole("recognize-b", RecognizeWorker.class.getName(), argsB, jvm);
        waitFor(() -> sentTracks.get() >= 2 * tracks / 5, Duration.ofSeconds(40), "two fifths sent");
        assertTrue(cluster.role("recognize-a").kill(), "recognize worker A was running");
        int atKill = sentTracks.get();
        System.out.printf("recognize worker A killed (SIGKILL) at %d of %d tracks sent%n", atKill, tracks);
        assertTrue(atKill < tracks, "the kill lands mid-stream");
        Thread.sleep(3000);
        cluster.startRole("recognize-a", RecognizeWorker.class.getName(), argsA, jvm);
        producer.join(60_000);
        if (failure.get() != null) throw new AssertionError("producer failed", failure.get());

        Map<String, List<String>> byCamera = Committed.read(cluster.bootstrap(), Topics.EVENTS.name(), 2 * tracks, Duration.ofSeconds(60));
        Map<String, Integer> ids = new TreeMap<>();
        Map<String, StringBuilder> sequence = new TreeMap<>();
        Map<String, Integer> framesEnded = new TreeMap<>();
        for (List<String> values : byCamera.values()) { // one camera's events are in one partition, in order
            for (String v : values) {
                RecognitionEvent e = Json.MAPPER.readValue(v, RecognitionEvent.class);
                ids.merge(e.eventId(), 1, Integer::sum);
                String track = e.cameraId() + "/" + e.trackId();
                sequence.computeIfAbsent(track, k -> new StringBuilder()).append(e.type().charAt(0));
                if ("ENDED".equals(e.type())) framesEnded.merge(track, e.frames(), Integer::sum);
            }
        }
        List<String> duplicated = ids.entrySet().stream().filter(x -> x.getValue() > 1).map(Map.Entry::getKey).toList();
        assertTrue(duplicated.isEmpty(), "duplicated event ids: " + duplicated);
        assertEquals(tracks, sequence.size(), "every track has events: " + sequence.keySet());
        // Per track: segments of FIRST (CHANGED)* ENDED. A wall-clock idle timeout that fires during the outage closes a
        // track early and its remaining faces open a new segment (a segment too short for a FIRST still ends with its
        // ENDED); the ENDED events carry their segment's face count, so together they must count every face once.
        Map<String, String> bad = new TreeMap<>(), split = new TreeMap<>();
        sequence.forEach((track, types) -> {
            String t = types.toString();
            if (!t.matches("((FC*)?E)+") || !t.contains("F")) bad.put(track, t);
            else if (!t.matches("FC*E")) split.put(track, t);
        });
        assertTrue(bad.isEmpty(), "tracks whose events are not segments of FIRST (CHANGED)* ENDED: " + bad);
        Map<String, Integer> miscounted = new TreeMap<>(framesEnded);
        miscounted.values().removeIf(f -> f == facesPerTrack);
        assertTrue(miscounted.isEmpty(), "faces per track counted by the ENDED events, expected " + facesPerTrack + ": " + miscounted);
        System.out.printf("recognize kill -9: %d tracks, %d faces each counted exactly once by the ENDED events, %d events "
                + "committed, 0 lost, 0 duplicated; tracks split by an idle timeout during the outage: %s%n",
                tracks, facesPerTrack, ids.size(), split);
        cluster.role("recognize-a").stop(Duration.ofSeconds(20));
        cluster.role("recognize-b").stop(Duration.ofSeconds(20));
    }

    /**
     * The real inpaint topology (its batching state store included) in two worker JVMs: 600 faces, half of them
     * occluded, go in transactionally; a second worker joins, the first is killed with SIGKILL mid-stream and
     * restarted. Every face must come out of faces.repaired exactly once, repaired exactly when it was occluded.
     */
    @Test
    @Order(5)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void inpaintWorkerKilledMidStreamRepairsEveryFaceExactlyOnce() throws Exception {
        int n = 600, perTxn = 20;
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        List<String> argsA = List.of(cluster.bootstrap(), "kill-inpaint", cluster.role("inpaint-a").dir().resolve("state").toString());
        List<String> argsB = List.of(cluster.bootstrap(), "kill-inpaint", cluster.role("inpaint-b").dir().resolve("state").toString());
        // faces.repaired is shared with the recognize test: count what is already there
        int before = Committed.total(Committed.read(cluster.bootstrap(), Topics.FACES_REPAIRED.name(), 0, Duration.ofSeconds(5)));
        cluster.startRole("inpaint-a", InpaintWorker.class.getName(), argsA, jvm);
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kill-inpaint-faces");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, byte[]> prod = new KafkaProducer<>(p, new StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                prod.initTransactions();
                for (int i = 0; i < n; i += perTxn) {
                    prod.beginTransaction();
                    for (int j = i; j < i + perTxn; j++)
                        prod.send(new ProducerRecord<>(Topics.FACES.name(), "cam-" + (j % 6), Json.MAPPER.writeValueAsBytes(inpaintFace(j))));
                    prod.commitTransaction();
                    sent.set(i + perTxn);
                    Thread.sleep(700);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "kill-inpaint-producer");
        producer.start();
        waitFor(() -> sent.get() >= n / 5, Duration.ofSeconds(40), "a fifth of the faces sent");
        cluster.startRole("inpaint-b", InpaintWorker.class.getName(), argsB, jvm);
        waitFor(() -> sent.get() >= 2 * n / 5, Duration.ofSeconds(40), "two fifths sent");
        assertTrue(cluster.role("inpaint-a").kill(), "inpaint worker A was running");
        int atKill = sent.get();
        System.out.printf("inpaint worker A killed (SIGKILL) at %d of %d faces sent%n", atKill, n);
        assertTrue(atKill < n, "the kill lands mid-stream");
        Thread.sleep(3000);
        cluster.startRole("inpaint-a", InpaintWorker.class.getName(), argsA, jvm);
        producer.join(60_000);
        if (failure.get() != null) throw new AssertionError("producer failed", failure.get());

        Map<String, List<String>> out = Committed.read(cluster.bootstrap(), Topics.FACES_REPAIRED.name(), before + n, Duration.ofSeconds(60));
        Map<String, Integer> perFace = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (List<String> values : out.values()) {
            for (String v : values) {
                Face f = Json.MAPPER.readValue(v, Face.class);
                if (!f.faceId().startsWith("face-")) continue; // the recognize test's faces share this topic
                perFace.merge(f.faceId(), 1, Integer::sum);
                boolean occluded = Integer.parseInt(f.faceId().substring(5)) % 2 == 0;
                if (f.inpainted() != occluded || (occluded && f.repaired() == null)) wrong.add(f.faceId());
            }
        }
        List<String> duplicated = perFace.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!perFace.containsKey("face-" + i)) missing.add("face-" + i);
        assertTrue(duplicated.isEmpty(), "faces repaired twice: " + duplicated);
        assertTrue(missing.isEmpty(), "faces lost: " + missing.size() + " " + missing.stream().limit(10).toList());
        assertTrue(wrong.isEmpty(), "faces routed wrongly: " + wrong);
        System.out.printf("inpaint kill -9: %d faces (%d occluded) in, %d out committed, 0 lost, 0 duplicated%n",
                n, n / 2, perFace.size());
        cluster.role("inpaint-a").stop(Duration.ofSeconds(20));
        cluster.role("inpaint-b").stop(Duration.ofSeconds(20));
    }

    /** Face {@code i} of the inpaint test: 128x128 grey; even faces carry the red marker that means "occluded". */
    static Face inpaintFace(int i) {
        byte[] d = new byte[128 * 128 * 3];
        java.util.Arrays.fill(d, (byte) 120);
        if (i % 2 == 0) {
            d[0] = (byte) 255;
            d[1] = 0;
            d[2] = 0;
        }
        byte[] png = io.unveil.core.image.Images.encodePng(new io.unveil.core.image.RgbImage(128, 128, d));
        return new Face("face-" + i, "cam-" + (i % 6), i, 1_000L + i, 640, 480, 1 + i % 6,
                new io.unveil.core.record.Box(10, 10, 100, 100), 0.9f, new float[136], null, png, png, null, null, false);
    }

    static void assertExactlyOnce(int n, Map<String, List<String>> got, String topic) {
        List<String> dups = new ArrayList<>();
        got.forEach((k, v) -> {
            if (v.size() != 1) dups.add(k + "x" + v.size());
        });
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!got.containsKey("key-" + i)) missing.add("key-" + i);
        assertTrue(dups.isEmpty(), topic + ": duplicated " + dups.size() + ": " + dups.stream().limit(10).toList());
        assertTrue(missing.isEmpty(), topic + ": lost " + missing.size() + ": " + missing.stream().limit(10).toList());
        assertEquals(n, Committed.total(got), topic + " committed records");
    }

    /**
     * Transactional producer: records in transactions of {@code perTxn}; a transaction that fails with an abortable
     * error (e.g. while a broker leaves) is aborted and sent again, which read_committed readers never see twice.
     */
    static void produceTransactionally(String txId, String topic, int n, int perTxn, long pauseMs, AtomicInteger sent,
                                       AtomicInteger aborted) throws InterruptedException {
        produceTransactionally(txId, topic, n, perTxn, pauseMs, sent, aborted, n, new java.util.concurrent.CountDownLatch(0));
    }

    /** As above, but holds at {@code holdAt} records until {@code release} opens (so a fault lands mid-stream). */
    static void produceTransactionally(String txId, String topic, int n, int perTxn, long pauseMs, AtomicInteger sent,
                                       AtomicInteger aborted, int holdAt, java.util.concurrent.CountDownLatch release)
            throws InterruptedException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        try (KafkaProducer<String, String> prod = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            prod.initTransactions();
            int i = 0;
            while (i < n) {
                if (i >= holdAt && !release.await(90, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                int end = Math.min(n, i + perTxn);
                try {
                    prod.beginTransaction();
                    for (int j = i; j < end; j++) prod.send(new ProducerRecord<>(topic, "key-" + j, "value-" + j));
                    prod.commitTransaction();
                    sent.set(end);
                    i = end;
                } catch (ProducerFencedException e) {
                    throw e;
                } catch (KafkaException e) {
                    aborted.incrementAndGet();
                    prod.abortTransaction();
                }
                Thread.sleep(pauseMs);
            }
        }
    }

    void awaitFullIsr(List<String> topics, Duration timeout) throws InterruptedException {
        waitFor(() -> cluster.describe(topics).values().stream().allMatch(t -> t.partitions().stream().allMatch(p -> p.isr().size() == 3)),
                timeout, "every partition back to 3 in-sync replicas");
    }

    static void waitFor(java.util.function.BooleanSupplier cond, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(200);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
