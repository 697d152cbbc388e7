package io.unveil.recognize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.record.Box;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.topic.Topics;
import io.unveil.recognize.testing.PatternEmbedder;
import io.unveil.recognize.testing.PatternFaces;
import io.unveil.core.testing.RoleStreamsProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structurally broken faces go to unveil.dlq with a reason; good faces around them are still recognized. */
class MalformedFacesTest {
    @TempDir
    Path stateDir;

    static Face with(Face g, String faceId, String cameraId, Box box, float score, float[] landmarks) {
        return new Face(faceId, cameraId, g.sequence(), g.captureTimeMs(), g.frameWidth(), g.frameHeight(), g.trackId(), box,
                score, landmarks, g.quality(), g.aligned(), g.chip(), g.occlusion(), g.repaired(), g.inpainted());
    }

    @Test
    void malformedFacesAreDeadLetteredWithAReasonAndGoodOnesStillMatch() {
        RecognizeConfig cfg = RecognizeConfig.withThreshold(0.8f, "test").withInputTopic(Topics.FACES.name())
                .withIdleTimeout(Duration.ofSeconds(2));
        StreamsBuilder b = new StreamsBuilder();
        RecognizeTopology.buildTopology(b, cfg, new PatternEmbedder(), new SimpleMeterRegistry());
        Properties p = RoleStreamsProperties.of("unveil-recognize", stateDir);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), p, t0)) {
            TestInputTopic<String, Face> faces = driver.createInputTopic(Topics.FACES.name(), new StringSerializer(),
                    Topics.FACES.valueSerde().serializer());
            TestInputTopic<String, GalleryEntry> gallery = driver.createInputTopic(Topics.GALLERY.name(), new StringSerializer(),
                    Topics.GALLERY.valueSerde().serializer());
            TestOutputTopic<String, RecognitionEvent> events = driver.createOutputTopic(Topics.EVENTS.name(),
                    new StringDeserializer(), Topics.EVENTS.valueSerde().deserializer());
            TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic(Topics.DLQ.name(), new StringDeserializer(),
                    Topics.DLQ.valueSerde().deserializer());
            long t = t0.toEpochMilli();
            gallery.pipeInput("alice", new GalleryEntry("alice", "ALICE", PatternFaces.centroid(1), 4, 0.9f, 1, t, t, Map.of()));
            Face g = PatternFaces.face("cam1", 3, 0, t, 1, 0.8f);
            Box box = g.box();
            float[] nanLm = new float[136];
            nanLm[7] = Float.NaN;
            Map<String, Face> bad = new LinkedHashMap<>();
            bad.put("null face value", null);
            bad.put("NaN/Inf", with(g, g.faceId(), "cam1", new Box(Float.NaN, box.y(), box.width(), box.height()), g.score(), g.landmarks()));
            bad.put("NaN/Inf ", with(g, g.faceId(), "cam1", new Box(box.x(), box.y(), Float.POSITIVE_INFINITY, box.height()), g.score(), g.landmarks()));
            bad.put("box is empty", with(g, g.faceId(), "cam1", new Box(box.x(), box.y(), 0, box.height()), g.score(), g.landmarks()));
            bad.put("no box", with(g, g.faceId(), "cam1", null, g.score(), g.landmarks()));
            bad.put("got 10", with(g, g.faceId(), "cam1", box, g.score(), new float[10]));
            bad.put("landmarks contain NaN", with(g, g.faceId(), "cam1", box, g.score(), nanLm));
            bad.put("score is not finite", with(g, g.faceId(), "cam1", box, Float.NaN, g.landmarks()));
            bad.put("faceId is 100000 characters", with(g, "f".repeat(100_000), "cam1", box, g.score(), g.landmarks()));
            bad.put("cameraId is 5000 characters", with(g, g.faceId(), "c".repeat(5000), box, g.score(), g.landmarks()));
            bad.put("no faceId", with(g, null, "cam1", box, g.score(), g.landmarks()));
            for (Map.Entry<String, Face> e : bad.entrySet()) faces.pipeInput("cam1", e.getValue(), t);
            List<DeadLetter> dead = dlq.readValuesToList();
            assertEquals(bad.size(), dead.size(), "one dead letter per malformed face");
            int i = 0;
            for (String expected : bad.keySet()) {
                DeadLetter d = dead.get(i++);
                assertEquals("recognize", d.stage());
                assertEquals(Topics.FACES.name(), d.sourceTopic());
                assertTrue(d.reason().contains(expected.strip()), "expected '" + expected + "' in: " + d.reason());
                assertTrue(d.payload() == null || d.payload().length <= DeadLetter.MAX_PAYLOAD);
            }
            assertTrue(events.isEmpty(), "no event from a malformed face");
            // the pipeline carries on: good faces of alice are still matched (a name needs two frames in a row)
            faces.pipeInput("cam1", g, t + 100);
            faces.pipeInput("cam1", PatternFaces.face("cam1", 3, 1, t + 200, 1, 0.8f), t + 200);
            RecognitionEvent e = events.readValue();
            assertEquals("alice", e.identityId());
            assertTrue(dlq.isEmpty());
        }
    }
}
