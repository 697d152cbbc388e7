package io.unveil.deploy.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.Quality;
import io.unveil.core.runtime.RoleContext;
import io.unveil.core.topic.Topics;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.stage.RecognizeConfig;
import io.unveil.recognize.stage.RecognizeTopology;
import io.unveil.core.testing.RoleStreamsProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile records into {@code unveil.faces} through the recognize stage's real topology (configured to read raw
 * faces), with the Streams configuration every role runs ({@link RoleContext#streamsProperties}: its dead-letter
 * handlers for records that cannot be deserialized or make a processor throw). 10,000 records: random bytes, empty
 * and null values, truncated JSON, wrong types, deep nesting, missing/garbage/bomb chips, bad landmarks, NaN boxes,
 * with good faces interleaved. No exception may escape; each hostile record must land in {@code unveil.dlq} with a
 * reason; good faces must still be embedded.
 */
@Tag("fuzz")
class FuzzFacesTest {
    @TempDir
    Path state;

    enum Kind { GOOD, RANDOM_BYTES, EMPTY_VALUE, TRUNCATED_JSON, WRONG_TYPES, JSON_ARRAY, DEEP_NESTING, NO_CHIP,
        CHIP_RANDOM_BYTES, CHIP_PNG_BOMB, CHIP_TRUNCATED_PNG, SHORT_LANDMARKS, NAN_BOX, HUGE_FACE_ID, NULL_VALUE,
        NO_ALIGNED, ALIGNED_RANDOM_BYTES, ALIGNED_PNG_BOMB }

    /** Kinds that must be dead-lettered; the rest must not crash and may be processed. */
    static final List<Kind> MUST_DLQ = List.of(Kind.RANDOM_BYTES, Kind.EMPTY_VALUE, Kind.TRUNCATED_JSON, Kind.WRONG_TYPES,
            Kind.JSON_ARRAY, Kind.DEEP_NESTING, Kind.NO_CHIP, Kind.CHIP_RANDOM_BYTES, Kind.CHIP_PNG_BOMB);

    /** Deterministic 128-D descriptor from the chip's pixels (grid means), so the run needs no model. */
    static final class GridEmbedder implements Embedder {
        @Override
        public float[][] embed(List<RgbImage> chips) {
            float[][] out = new float[chips.size()][128];
            for (int c = 0; c < chips.size(); c++) {
                RgbImage im = chips.get(c);
                double norm = 0;
                for (int g = 0; g < 128; g++) {
                    int gx = g % 16, gy = g / 16;
                    int x = Math.min(im.width() - 1, gx * im.width() / 16), y = Math.min(im.height() - 1, gy * im.height() / 8);
                    out[c][g] = im.r(x, y) + im.g(x, y) + im.b(x, y) + 1;
                    norm += out[c][g] * out[c][g];
                }
                for (int g = 0; g < 128; g++) out[c][g] /= (float) Math.sqrt(norm);
            }
            return out;
        }

        @Override
        public String modelVersion() {
            return "test-grid";
        }

        @Override
        public void close() {
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard
    void tenThousandHostileFacesAreDeadLetteredAndGoodFacesStillFlow() throws Exception {
        int n = 10_000, goodEvery = 25;
        Settings settings = Settings.empty().with("recognize.threshold", "0.6").with("recognize.input-topic", Topics.FACES.name());
        StreamsBuilder b = new StreamsBuilder();
        RecognizeTopology.buildTopology(b, RecognizeConfig.from(settings), new GridEmbedder(), new SimpleMeterRegistry());
        // at-least-once: the random bytes are undeserializable, whose dead letters TopologyTestDriver drops under
        // exactly-once (see RoleStreamsProperties)
        Properties p = RoleStreamsProperties.atLeastOnce("unveil-recognize", state, settings);

        RgbImage frame = FaceFrames.frame(112, 84, new int[]{30, 16, 52});
        Box box = new Box(30, 16, 52, 52);
        float[] lm = FaceFrames.landmarks(box);
        byte[] chip = Images.encodePng(FaceAligner.align(frame, lm, AlignTarget.CHIP_150).image());
        byte[] aligned = Images.encodePng(FaceAligner.align(frame, lm, AlignTarget.FACE_128).image());
        Random rnd = new Random(99);
        Map<Kind, int[]> tally = new EnumMap<>(Kind.class); // in, dlq, history
        int dlqTotal = 0;
        long t0 = System.nanoTime();
        try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), p)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.FACES.name(), new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic(Topics.DLQ.name(),
                    Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer());
            TestOutputTopic<byte[], byte[]> history = driver.createOutputTopic(Topics.FACE_HISTORY.name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (int i = 0; i < n; i++) {
                Kind kind = i % goodEvery == 0 ? Kind.GOOD : Kind.values()[1 + rnd.nextInt(Kind.values().length - 1)];
                Face good = new Face("cam-1:" + i, "cam-" + (i % 3), i, 1_700_000_000_000L + i * 100L, 112, 84, -1, box,
                        0.9f, lm, new Quality(52, 100, 0, 0, 0, 0.9f), aligned, chip, null, null, false);
                byte[] v = value(kind, rnd, good, chip, lm, box);
                int[] t = tally.computeIfAbsent(kind, k -> new int[3]);
                t[0]++;
                String where = "record " + i + " (" + kind + ")";
                in.pipeInput("cam-" + (i % 3), v);
                List<DeadLetter> dead = dlq.readValuesToList();
                int hist = history.readRecordsToList().size();
                assertTrue(dead.size() <= 1, where + ": at most one dead letter, got " + dead.size());
                dlqTotal += dead.size();
                t[1] += dead.size();
                t[2] += hist;
                if (!dead.isEmpty()) {
                    DeadLetter d = dead.get(0);
                    assertTrue(d.reason() != null && !d.reason().isBlank(), where + ": reason");
                    assertEquals(Topics.FACES.name(), d.sourceTopic(), where);
                    assertEquals(i, d.offset(), where + ": offset of the input");
                    assertTrue(hist == 0, where + ": dead-lettered and processed");
                }
                if (MUST_DLQ.contains(kind)) assertEquals(1, dead.size(), where + ": must be dead-lettered");
                if (kind == Kind.GOOD) {
                    assertTrue(dead.isEmpty(), where + ": a good face must not be dead-lettered: " + dead);
                    assertEquals(1, hist, where + ": a good (untracked) face is embedded and decided at once (one history record)");
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("faces fuzz (recognize topology): %d records in %.1f s, %d dead-lettered, 0 exceptions%n", n, s, dlqTotal);
        System.out.printf("  %-20s %6s %6s %8s%n", "kind", "in", "dlq", "embedded");
        tally.forEach((k, t) -> System.out.printf("  %-20s %6d %6d %8d%n", k, t[0], t[1], t[2]));
        assertEquals(Kind.values().length, tally.size(), "every kind generated");
    }

    /** The wire bytes of a record of this kind, derived from a good face. */
    static byte[] value(Kind kind, Random rnd, Face good, byte[] chip, float[] lm, Box box) {
        return switch (kind) {
            case GOOD -> json(good);
            case RANDOM_BYTES -> bytes(rnd, 1 + rnd.nextInt(4096));
            case EMPTY_VALUE -> new byte[0];
            case NULL_VALUE -> null;
            case TRUNCATED_JSON -> truncated(json(good), rnd);
            case WRONG_TYPES -> "{\"faceId\":{\"a\":1},\"sequence\":\"x\",\"box\":\"wide\",\"landmarks\":true}".getBytes(StandardCharsets.UTF_8);
            case JSON_ARRAY -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            case DEEP_NESTING -> ("{\"faceId\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
            case NO_CHIP -> json(with(good, null, lm, box, good.faceId()));
            case CHIP_RANDOM_BYTES -> json(with(good, bytes(rnd, 1 + rnd.nextInt(2048)), lm, box, good.faceId()));
            case CHIP_PNG_BOMB -> json(with(good, FrameFuzzer.hugePng(chip, 90_000, 90_000), lm, box, good.faceId()));
            case CHIP_TRUNCATED_PNG -> json(with(good, Arrays.copyOf(chip, 1 + rnd.nextInt(chip.length - 1)), lm, box, good.faceId()));
            case SHORT_LANDMARKS -> json(with(good, chip, new float[]{1, 2, 3}, box, good.faceId()));
            case NAN_BOX -> json(with(good, chip, lm, new Box(Float.NaN, -5, Float.POSITIVE_INFINITY, 0), good.faceId()));
            case HUGE_FACE_ID -> json(with(good, chip, lm, box, "x".repeat(200_000)));
            case NO_ALIGNED -> json(withAligned(good, null));
            case ALIGNED_RANDOM_BYTES -> json(withAligned(good, bytes(rnd, 1 + rnd.nextInt(2048))));
            case ALIGNED_PNG_BOMB -> json(withAligned(good, FrameFuzzer.hugePng(good.aligned(), 90_000, 90_000)));
        };
    }

    static byte[] truncated(byte[] b, Random rnd) {
        return Arrays.copyOf(b, 1 + rnd.nextInt(b.length - 1));
    }

    static Face withAligned(Face f, byte[] aligned) {
        return new Face(f.faceId(), f.cameraId(), f.sequence(), f.captureTimeMs(), f.frameWidth(), f.frameHeight(), 1 + f.sequence() % 5,
                f.box(), f.score(), f.landmarks(), f.quality(), aligned, f.chip(), null, null, false);
    }

    static Face with(Face f, byte[] chip, float[] lm, Box box, String id) {
        // hostile variants ride on tracks (1..5 per camera), exercising the track state too
        return new Face(id, f.cameraId(), f.sequence(), f.captureTimeMs(), f.frameWidth(), f.frameHeight(), 1 + f.sequence() % 5, box,
                f.score(), lm, f.quality(), f.aligned(), chip, null, null, false);
    }

    static byte[] json(Face f) {
        return Topics.FACES.valueSerde().serializer().serialize(Topics.FACES.name(), f);
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
