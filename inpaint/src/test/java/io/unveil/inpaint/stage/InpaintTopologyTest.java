package io.unveil.inpaint.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.Occlusion;
import io.unveil.core.serde.Json;
import io.unveil.core.topic.Topics;
import io.unveil.core.testing.RoleStreamsProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InpaintTopologyTest {
    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> in;
    TestOutputTopic<String, Face> out;
    TestOutputTopic<String, DeadLetter> dlq;
    final List<Integer> batchSizes = new ArrayList<>();

    /** Occluded when the face's top-left pixel is red; the mask is then the top half. */
    static final OcclusionStep OCCLUSION = (img, landmarks) -> {
        boolean occluded = img.r(0, 0) > 200 && img.g(0, 0) < 50;
        byte[] m = new byte[128 * 128 * 3];
        if (occluded) for (int i = 0; i < 64 * 128 * 3; i++) m[i] = (byte) 255;
        return new Occlusion(Images.encodePng(new RgbImage(128, 128, m)), occluded ? 0.5f : 0f, 0, 0, 0, occluded, "test");
    };

    /** Fills the hole with grey 77. */
    final Repairer repairer = (faces, masks) -> {
        batchSizes.add(faces.size());
        List<RgbImage> res = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            byte[] d = faces.get(i).data().clone();
            for (int p = 0; p < masks.get(i).length; p++)
                if (masks.get(i)[p] > 0.5f) d[p * 3] = d[p * 3 + 1] = d[p * 3 + 2] = 77;
            res.add(new RgbImage(128, 128, d));
        }
        return res;
    };

    void start(int maxBatch, long maxWaitMs) {
        start(new InpaintConfig(maxBatch, Duration.ofMillis(maxWaitMs), "cpu"));
    }

    void start(InpaintConfig config) {
        StreamsBuilder b = new StreamsBuilder();
        InpaintTopology.buildTopology(b, config, OCCLUSION, repairer, new SimpleMeterRegistry());
        Properties p = RoleStreamsProperties.of(InpaintTopology.APPLICATION_ID, stateDir);
        driver = new TopologyTestDriver(b.build(), p);
        in = driver.createInputTopic(Topics.FACES.name(), new StringSerializer(), new ByteArraySerializer());
        out = driver.createOutputTopic(Topics.FACES_REPAIRED.name(), Serdes.String().deserializer(),
                Topics.FACES_REPAIRED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.String().deserializer(), Topics.DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) driver.close();
    }

    static byte[] face(String id, boolean occluded) throws Exception {
        byte[] d = new byte[128 * 128 * 3];
        java.util.Arrays.fill(d, (byte) 120);
        if (occluded) {
            d[0] = (byte) 255;
            d[1] = 0;
            d[2] = 0;
        }
        byte[] png = Images.encodePng(new RgbImage(128, 128, d));
        Face f = new Face(id, "cam1", 1, 1000, 640, 480, 7, new Box(10, 10, 100, 100), 0.9f, new float[136], null, png,
                png, null, null, false);
        return Json.MAPPER.writeValueAsBytes(f);
    }

    @Test
    void unoccludedFacesSkipTheGenerator() throws Exception {
        start(8, 50);
        in.pipeInput("cam1", face("a", false));
        Face f = out.readValue();
        assertEquals("a", f.faceId());
        assertFalse(f.inpainted());
        assertNull(f.repaired());
        assertFalse(f.occlusion().occluded());
        assertTrue(batchSizes.isEmpty());
    }

    @Test
    void withRepairOffAnOccludedFacePassesAsSeenWithItsEstimateAndNoGeneratorCall() throws Exception {
        InpaintConfig config = InpaintConfig.from(io.unveil.core.config.Settings.empty().with("inpaint.repair", "false"));
        assertFalse(config.repair());
        start(config);
        in.pipeInput("cam1", face("m", true));
        in.pipeInput("cam1", face("p", false));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<Face> faces = out.readValuesToList();
        assertEquals(List.of("m", "p"), faces.stream().map(Face::faceId).toList(), "arrival order, nothing held back");
        Face m = faces.get(0);
        assertTrue(m.occlusion().occluded(), "the estimate travels with the face");
        assertFalse(m.inpainted());
        assertNull(m.repaired());
        assertEquals(120, Images.decode(m.chip()).g(75, 10), "the chip is the face as seen");
        assertTrue(batchSizes.isEmpty(), "the generator is never called");
        assertFalse(InpaintConfig.defaults().repair(), "estimate only is the default since 2026-12-06 (docs/evaluation.md, \"The default pipeline\")");
    }

    @Test
    void occludedFacesAreRepairedInBatchesWithMaskAndChip() throws Exception {
        start(3, 10_000);
        for (int i = 0; i < 7; i++) in.pipeInput("cam1", face("f" + i, true));
        // two full batches of 3 leave at once; the 7th waits for max-wait
        assertEquals(List.of(3, 3), batchSizes);
        assertEquals(6, out.getQueueSize());
        driver.advanceWallClockTime(Duration.ofSeconds(11));
        assertEquals(List.of(3, 3, 1), batchSizes);
        List<Face> faces = out.readValuesToList();
        assertEquals(7, faces.size());
        for (int i = 0; i < 7; i++) {
            Face f = faces.get(i);
            assertEquals("f" + i, f.faceId(), "arrival order kept");
            assertTrue(f.inpainted());
            assertTrue(f.occlusion().occluded());
            RgbImage r = Images.decode(f.repaired());
            assertEquals(128, r.width());
            assertEquals(77, r.g(5, 5), "hole repaired");
            assertEquals(120, r.g(5, 100), "known pixels kept");
            RgbImage chip = Images.decode(f.chip());
            assertEquals(150, chip.width());
            assertEquals(77, chip.g(75, 10), "chip is the repaired face resized to 150");
        }
    }

    @Test
    void maxWaitFlushesAPartialBatch() throws Exception {
        start(16, 50);
        in.pipeInput("cam1", face("x", true));
        assertTrue(out.isEmpty());
        driver.advanceWallClockTime(Duration.ofMillis(60));
        assertEquals(List.of(1), batchSizes);
        assertTrue(out.readValue().inpainted());
    }

    @Test
    void garbageGoesToTheDeadLetterTopic() {
        start(4, 50);
        in.pipeInput("cam1", "not json".getBytes());
        DeadLetter d = dlq.readValue();
        assertEquals("inpaint", d.stage());
        assertTrue(d.reason().startsWith("bad-face"));
        assertArrayEquals("not json".getBytes(), d.payload());
        assertTrue(out.isEmpty());
    }
}
