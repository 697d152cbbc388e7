package io.unveil.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.Json;
import io.unveil.core.testing.RoleStreamsProperties;
import io.unveil.core.topic.Topics;
import io.unveil.gallery.api.ApiFixture;
import io.unveil.gallery.api.UploadLimits;
import io.unveil.recognize.stage.RecognizeConfig;
import io.unveil.recognize.stage.RecognizeTopology;
import io.unveil.recognize.testing.PatternEmbedder;
import io.unveil.recognize.testing.PatternFaces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One event shape everywhere: the events the recognize topology writes to {@code unveil.events} (every type), the
 * lines the demo and {@code run --print-events} print (both through {@link OutputPrinter}, i.e. {@link JsonLines#event})
 * and the data of the gallery's SSE stream are each validated against {@code docs/event.schema.json}, and they are
 * the same JSON but for the thumbnails the terminal leaves out.
 */
class EventShapeTest {
    static final long ALICE = 1, CAROL = 3, STRANGER = 99;
    @TempDir
    Path stateDir;

    static JsonSchema schema() throws Exception {
        Path file = Path.of(System.getProperty("unveil.repo.root", "..")).resolve("docs/event.schema.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.newInputStream(file));
    }

    static void assertValid(JsonSchema schema, String output, JsonNode json) {
        var errors = schema.validate(json);
        assertTrue(errors.isEmpty(), output + " violates docs/event.schema.json: " + errors + " in " + json);
    }

    /** What the topology writes to unveil.events for a named visit, an unknown one that turns out named, and a retroactive match. */
    List<byte[]> topicRecords() {
        RecognizeConfig cfg = RecognizeConfig.withThreshold(0.8f, "test").withInputTopic(Topics.FACES.name()).withIdleTimeout(Duration.ofSeconds(2));
        StreamsBuilder b = new StreamsBuilder();
        RecognizeTopology.buildTopology(b, cfg, new PatternEmbedder(), new SimpleMeterRegistry());
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), RoleStreamsProperties.of("unveil-recognize", stateDir), t0)) {
            TestInputTopic<String, io.unveil.core.record.Face> faces = driver.createInputTopic(Topics.FACES.name(), new StringSerializer(),
                    Topics.FACES.valueSerde().serializer());
            TestInputTopic<String, GalleryEntry> gallery = driver.createInputTopic(Topics.GALLERY.name(), new StringSerializer(),
                    Topics.GALLERY.valueSerde().serializer());
            TestOutputTopic<String, byte[]> events = driver.createOutputTopic(Topics.EVENTS.name(), new StringDeserializer(), new ByteArrayDeserializer());
            long t = t0.toEpochMilli();
            gallery.pipeInput("alice", new GalleryEntry("alice", "Alice", PatternFaces.centroid(ALICE), 4, 0.9f, 1, t, t, Map.of()));
            long[][] visits = {{1, ALICE, 6}, {2, STRANGER, 5}, {3, CAROL, 5}};
            for (long[] v : visits) {
                for (int i = 0; i < v[2]; i++, t += 100) faces.pipeInput("cam1", PatternFaces.face("cam1", v[0], i, t, v[1], 0.8f), t);
                t += 5_000;
            }
            for (int i = 0; i < 12; i++, t += 100) faces.pipeInput("cam1", PatternFaces.face("cam1", 4, 20 + i, t, i < 4 ? STRANGER : ALICE, 1f), t);
            driver.advanceWallClockTime(Duration.ofSeconds(5));
            gallery.pipeInput("carol", new GalleryEntry("carol", "Carol", PatternFaces.centroid(CAROL), 4, 0.9f, 1, t, t, Map.of()));
            driver.advanceWallClockTime(Duration.ofSeconds(2));
            List<byte[]> out = new ArrayList<>();
            events.readValuesToList().forEach(out::add);
            return out;
        }
    }

    @Test
    void topicDemoRunAndSseWriteOneShapeThatTheSchemaDescribes() throws Exception {
        JsonSchema schema = schema();
        List<byte[]> topic = topicRecords();
        List<RecognitionEvent> events = new ArrayList<>();
        for (byte[] bytes : topic) {
            assertValid(schema, "unveil.events", Json.MAPPER.readTree(bytes));
            events.add(Topics.EVENTS.valueSerde().deserializer().deserialize(Topics.EVENTS.name(), bytes));
        }
        assertEquals(Set.of("FIRST", "CHANGED", "ENDED", "RETROACTIVE"), events.stream().map(RecognitionEvent::type).collect(java.util.stream.Collectors.toSet()),
                "every event type is covered");

        for (RecognitionEvent e : events) {
            JsonNode line = Json.MAPPER.readTree(JsonLines.event(e));
            assertValid(schema, "demo / run --print-events line", line);
            JsonNode topicJson = Json.MAPPER.readTree(Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), e));
            ((com.fasterxml.jackson.databind.node.ObjectNode) topicJson).putNull("thumbnails");
            assertEquals(topicJson, line, "the printed line is the topic's record without thumbnails");
        }

        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            LinkedBlockingQueue<String> data = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> res = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(fx.url + "/api/v1/events/stream"))
                    .header("X-Api-Key", ApiFixture.READER).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS);
            Thread reader = new Thread(() -> res.body().forEach(l -> {
                if (l.startsWith("data:")) data.add(l.substring(5).trim());
            }));
            reader.setDaemon(true);
            reader.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (fx.feed.subscribers() < 1 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            for (RecognitionEvent e : events) fx.feed.publish(e);
            for (RecognitionEvent e : events) {
                String sse = data.poll(10, TimeUnit.SECONDS);
                assertTrue(sse != null, "no SSE data for " + e.eventId());
                JsonNode json = Json.MAPPER.readTree(sse);
                assertValid(schema, "SSE /api/v1/events/stream", json);
                assertEquals(Json.MAPPER.readTree(Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), e)), json,
                        "the SSE data is the topic's record");
            }
        }
    }

    @Test
    void theOldDemoLineShapeIsRejected() throws Exception {
        JsonNode old = Json.MAPPER.readTree("{\"type\":\"event\",\"event\":\"FIRST\",\"camera\":\"cam1\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"track\":1,\"unknown\":\"unknown-1\",\"similarity\":0.0,\"margin\":0.0,\"frames\":3,\"occlusion\":0.0,\"inpainted\":false,"
                + "\"box\":{\"x\":1,\"y\":2,\"w\":3,\"h\":4}}");
        assertFalse(schema().validate(old).isEmpty());
    }
}
