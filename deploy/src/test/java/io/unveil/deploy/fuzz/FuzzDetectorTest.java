package io.unveil.deploy.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.testing.TestData;
import io.unveil.core.topic.Topics;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.DetectorTopology;
import io.unveil.detector.stage.FaceCropper;
import io.unveil.core.testing.RoleStreamsProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input into {@code unveil.frames} through the detector stage's real topology (TopologyTestDriver): 10,000
 * records of random bytes, empty/null values, truncated and corrupt JPEG/PNG, decompression bombs (huge declared
 * dimensions), missing and malformed headers, with good frames interleaved. Every record must be accounted for: no
 * exception escapes, each hostile record lands in {@code unveil.dlq} once with a reason and its payload, and the good
 * frames still come out as faces.
 */
@Tag("fuzz")
class FuzzDetectorTest {
    @TempDir
    Path state;

    record Tally(int[] dlq, int[] face, int[] silent) {
        Tally() {
            this(new int[FrameFuzzer.Kind.values().length], new int[FrameFuzzer.Kind.values().length],
                    new int[FrameFuzzer.Kind.values().length]);
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard; ~1 min on a quiet 2-core machine
    void tenThousandHostileFramesAreDeadLetteredAndGoodFramesStillFlow() {
        Tally t = run(new FaceFrames(), FaceFrames.alignerCropper(), 10_000, 25, new FrameFuzzer(20261127L));
        int good = t.face()[FrameFuzzer.Kind.GOOD.ordinal()];
        assertTrue(good >= 10_000 / 25, "good frames processed: " + good);
    }

    /** The same with the real face-api detector, on real faces from ../shared/data/celeba-subset (skips without it). */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard; ~1 min on a quiet 2-core machine
    void realDetectorOnRealFacesAmidFuzz() throws Exception {
        Path set = TestData.set("celeba-subset");
        List<Path> files;
        try (var s = Files.list(set.resolve("images"))) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(20).toList();
        }
        FaceAnalyzer real = FaceApiAnalyzer.load();
        try {
            FrameFuzzer fuzzer = new FrameFuzzer(7L) {
                @Override
                byte[] goodJpeg() {
                    return realFrames.get((int) (counter++ % realFrames.size()));
                }

                long counter;
                final List<byte[]> realFrames = files.stream().map(p -> {
                    RgbImage img = Images.read(p);
                    // A face in a larger scene: the portrait pasted into a 320x320 dark frame.
                    byte[] d = new byte[320 * 320 * 3];
                    for (int y = 0; y < img.height() && y + 40 < 320; y++)
                        for (int x = 0; x < img.width() && x + 60 < 320; x++)
                            System.arraycopy(img.data(), (y * img.width() + x) * 3, d, ((y + 40) * 320 + x + 60) * 3, 3);
                    return Images.encodeJpeg(new RgbImage(320, 320, d), 92);
                }).toList();
            };
            Tally t = runLenient(real, FaceFrames.alignerCropper(), 100, 5, fuzzer);
            int goodIn = 100 / 5;
            int goodFaces = t.face()[FrameFuzzer.Kind.GOOD.ordinal()];
            System.out.printf("real detector: %d of %d real-face frames produced a face amid %d hostile records%n",
                    goodFaces, goodIn, 100 - goodIn);
            assertTrue(goodFaces >= goodIn * 7 / 10, "real faces still detected: " + goodFaces + " of " + goodIn);
        } finally {
            real.close();
        }
    }

    Tally run(FaceAnalyzer analyzer, FaceCropper cropper, int n, int goodEvery, FrameFuzzer fuzzer) {
        return drive(analyzer, cropper, n, goodEvery, fuzzer, true);
    }

    Tally runLenient(FaceAnalyzer analyzer, FaceCropper cropper, int n, int goodEvery, FrameFuzzer fuzzer) {
        return drive(analyzer, cropper, n, goodEvery, fuzzer, false);
    }

    /** Pipes the records one by one and attributes every output to its input. strictFaces: every good frame yields a face. */
    Tally drive(FaceAnalyzer analyzer, FaceCropper cropper, int n, int goodEvery, FrameFuzzer fuzzer, boolean strictFaces) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamsBuilder b = new StreamsBuilder();
        DetectorTopology.buildTopology(b, DetectorConfig.defaults(), analyzer, cropper, registry);
        Properties p = RoleStreamsProperties.of(DetectorTopology.APPLICATION_ID, state);
        Tally t = new Tally();
        Map<FrameFuzzer.Kind, Integer> inputs = new EnumMap<>(FrameFuzzer.Kind.class);
        long t0 = System.nanoTime();
        int dlqTotal = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), p)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic(Topics.DLQ.name(),
                    Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer());
            TestOutputTopic<String, Face> faces = driver.createOutputTopic(Topics.FACES.name(),
                    Topics.FACES.keySerde().deserializer(), Topics.FACES.valueSerde().deserializer());
            for (int i = 0; i < n; i++) {
                FrameFuzzer.Fuzzed f = fuzzer.next(i, goodEvery);
                inputs.merge(f.kind(), 1, Integer::sum);
                String where = "record " + i + " (" + f.kind() + ")";
                in.pipeInput(new TestRecord<>(f.key(), f.value(), f.headers(), 1_700_000_000_000L + i * 100L));
                List<DeadLetter> dead = dlq.readValuesToList();
                List<Face> out = faces.readValuesToList();
                dlqTotal += dead.size();
                assertTrue(dead.size() <= 1, where + ": at most one dead letter, got " + dead.size());
                assertTrue(dead.isEmpty() || out.isEmpty(), where + ": dead-lettered and emitted at once");
                int k = f.kind().ordinal();
                if (!dead.isEmpty()) {
                    DeadLetter d = dead.get(0);
                    t.dlq()[k]++;
                    assertEquals("detector", d.stage(), where);
                    assertTrue(d.reason() != null && !d.reason().isBlank(), where + ": a reason");
                    assertEquals(Topics.FRAMES.name(), d.sourceTopic(), where);
                    assertEquals(i, d.offset(), where + ": the dead letter points at its input offset");
                    assertEquals(f.key(), d.key(), where);
                    if (f.value() == null) assertNull(d.payload(), where);
                    else assertArrayEquals(DeadLetter.truncate(f.value()), d.payload(), where + ": payload kept (truncated to 256 KiB)");
                } else if (!out.isEmpty()) {
                    t.face()[k]++;
                    for (Face face : out) assertEquals(f.sequence(), face.sequence(), where);
                } else {
                    t.silent()[k]++;
                }
                switch (f.kind().expect) {
                    case DLQ -> assertEquals(1, dead.size(), where + ": must be dead-lettered");
                    case FACE -> {
                        if (strictFaces) assertEquals(1, out.size(), where + ": a good frame must yield its face");
                        else assertTrue(dead.isEmpty(), where + ": a good frame must not be dead-lettered");
                    }
                    case NO_FACE -> assertTrue(dead.isEmpty() && out.isEmpty(), where + ": processed, no face");
                    case EITHER -> { }
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double counted = registry.find("unveil.detector.dead.letters").counters().stream().mapToDouble(Counter::count).sum();
        assertEquals(dlqTotal, (int) counted, "unveil_detector_dead_letters_total matches the DLQ");
        System.out.printf("fuzz: %d records in %.1f s (%.0f/s), %d dead-lettered, 0 exceptions%n", n, s, n / s, dlqTotal);
        System.out.printf("  %-22s %6s %6s %6s %6s%n", "kind", "in", "dlq", "face", "none");
        for (FrameFuzzer.Kind k : FrameFuzzer.Kind.values()) {
            System.out.printf("  %-22s %6d %6d %6d %6d%n", k, inputs.getOrDefault(k, 0), t.dlq()[k.ordinal()], t.face()[k.ordinal()],
                    t.silent()[k.ordinal()]);
        }
        assertFalse(inputs.size() < FrameFuzzer.Kind.values().length - 1, "every hostile kind was generated: " + inputs.keySet());
        return t;
    }
}
