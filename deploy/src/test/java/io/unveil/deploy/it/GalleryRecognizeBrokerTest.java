package io.unveil.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.record.Face;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.runtime.KafkaDeadLetterSink;
import io.unveil.core.runtime.RoleContext;
import io.unveil.core.topic.Topics;
import io.unveil.deploy.kafka.EmbeddedKafka;
import io.unveil.deploy.kafka.TopicCreator;
import io.unveil.gallery.GalleryService;
import io.unveil.gallery.api.ApiKeys;
import io.unveil.gallery.api.GalleryApi;
import io.unveil.gallery.api.Scope;
import io.unveil.gallery.api.UploadLimits;
import io.unveil.gallery.client.GalleryClient;
import io.unveil.gallery.enroll.ClipEnroller;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.events.EventFeed;
import io.unveil.gallery.events.KafkaEventSource;
import io.unveil.gallery.store.KafkaGalleryStore;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import io.unveil.detector.align.FaceChips;
import io.unveil.recognize.stage.RecognizeConfig;
import io.unveil.recognize.stage.RecognizeTopology;
import io.unveil.recognize.testing.PatternEmbedder;
import io.unveil.recognize.testing.PatternFaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gallery service and recognition topology against the embedded KRaft broker: enroll over HTTP (the entry lands on
 * the compacted unveil.gallery topic), the running Streams app picks it up through its GlobalKTable without a
 * restart and names the person in unveil.events, the event reaches the API's event feed; a delete (tombstone) makes
 * the same person unknown again. Models are test doubles (pattern "faces").
 */
class GalleryRecognizeBrokerTest {
    static final String ADMIN = "integration-admin-key-0123456789";

    @Test
    void enrollRecognizeDeleteThroughTheBroker(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             World w = World.start(kafka, dir)) {
            Path img1 = dir.resolve("1.png"), img2 = dir.resolve("2.png");
            Files.write(img1, MarkedFaces.png(1, Spec.of(42)));
            Files.write(img2, MarkedFaces.png(2, Spec.of(42)));
            String id = w.client.enroll("Katherine Johnson", List.of(img1, img2)).get("identity").get("id").asText();

            long now = System.currentTimeMillis();
            // until the GlobalKTable has the entry the track may start unknown; the decision must become the person
            sendTrack(w.faces, "cam-a", 1, 42, now, 6);
            RecognitionEvent named = waitForEvent(w.feed, e -> "cam-a".equals(e.cameraId()) && id.equals(e.identityId()));
            assertEquals("Katherine Johnson", named.name());
            assertTrue(named.similarity() >= 0.8f);
            JsonNode listed = w.client.list();
            assertEquals(1, listed.size());

            w.client.delete(id);
            waitFor(() -> w.store.get(id) == null, "local delete");
            Thread.sleep(1000); // the bound: no recognizer matches a deleted identity 1 s later
            sendTrack(w.faces, "cam-b", 2, 42, now + 10_000, 6);
            RecognitionEvent unknown = waitForEvent(w.feed, e -> "cam-b".equals(e.cameraId()));
            assertNull(unknown.identityId(), "deleted identity is no longer matched");
            assertNotNull(unknown.unknownId());
        }
    }

    /**
     * Enroll two people, delete one, then stop every process (recognizer, gallery service, broker) and start them
     * again on the same data and state folders: the gallery still lists exactly the kept person, the recognizer names
     * them, and the deleted person stays unknown.
     */
    @Test
    void galleryAndDeletesSurviveARestartOfEveryProcess(@TempDir Path dir) throws Exception {
        String kept, deleted;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             World w = World.start(kafka, dir)) {
            Path a1 = dir.resolve("a1.png"), a2 = dir.resolve("a2.png"), b1 = dir.resolve("b1.png"), b2 = dir.resolve("b2.png");
            Files.write(a1, MarkedFaces.png(1, Spec.of(42)));
            Files.write(a2, MarkedFaces.png(2, Spec.of(42)));
            Files.write(b1, MarkedFaces.png(3, Spec.of(77)));
            Files.write(b2, MarkedFaces.png(4, Spec.of(77)));
            kept = w.client.enroll("Dorothy Vaughan", List.of(a1, a2)).get("identity").get("id").asText();
            deleted = w.client.enroll("Mary Jackson", List.of(b1, b2)).get("identity").get("id").asText();
            w.client.delete(deleted);
            waitFor(() -> w.store.get(deleted) == null && w.store.get(kept) != null, "enrolled and deleted");
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             World w = World.start(kafka, dir)) {
            JsonNode listed = w.client.list();
            assertEquals(1, listed.size(), "after the restart the gallery lists the kept identity only: " + listed);
            assertEquals(kept, listed.get(0).get("id").asText());
            long now = System.currentTimeMillis();
            sendTrack(w.faces, "cam-k", 1, 42, now, 6);
            RecognitionEvent named = waitForEvent(w.feed, e -> "cam-k".equals(e.cameraId()) && kept.equals(e.identityId()));
            assertEquals("Dorothy Vaughan", named.name());
            sendTrack(w.faces, "cam-d", 2, 77, now + 10_000, 6);
            RecognitionEvent unknown = waitForEvent(w.feed, e -> "cam-d".equals(e.cameraId()));
            assertNull(unknown.identityId(), "the identity deleted before the restart is not matched after it");
        }
    }

    /** Recognizer streams app + gallery service with its API and event feed, on one broker and one state folder. */
    record World(RoleContext ctx, KafkaGalleryStore store, KafkaEventSource source, GalleryApi api,
                 KafkaProducer<String, Face> faces, EventFeed feed, GalleryClient client, KafkaDeadLetterSink dlq)
            implements AutoCloseable {
        static World start(EmbeddedKafka kafka, Path dir) throws Exception {
            RoleContext ctx = new RoleContext(kafka.bootstrap(), kafka.withCredential(Settings.empty()), new SimpleMeterRegistry(),
                    Files.createDirectories(dir.resolve("state")), (short) 1, (n, c) -> { });
            TopicCreator.ensure(ctx.clientProperties(), (short) 1);
            StreamsBuilder b = new StreamsBuilder();
            KafkaDeadLetterSink dlq = new KafkaDeadLetterSink(ctx.producerProperties("it-recognize-dlq"), "recognize-gallery");
            RecognizeTopology.buildTopology(b, RecognizeConfig.withThreshold(0.8f, "test").withIdleTimeout(Duration.ofSeconds(1)),
                    new PatternEmbedder(), ctx.registry(), dlq);
            ctx.startStreams("it-recognize", b.build());
            FaceChips chips = MarkedFaces.chips(new MarkedFaces.Analyzer());
            Enroller enroller = new Enroller(chips, new PatternEmbedder(), EnrollmentPolicy.defaults());
            EventFeed feed = new EventFeed(100);
            KafkaGalleryStore store = new KafkaGalleryStore(ctx.producerProperties("it-gallery"), ctx.clientProperties());
            KafkaEventSource source = new KafkaEventSource(ctx.clientProperties(), feed, 100);
            GalleryApi api = new GalleryApi(new GalleryService(store, enroller, new ClipEnroller(enroller, chips, 10, 5, 5),
                    UploadLimits.defaults(), null), feed, new ApiKeys(List.of(ApiKeys.fromPlain("it", Scope.ADMIN, ADMIN))))
                    .start("127.0.0.1", 0);
            KafkaProducer<String, Face> faces = new KafkaProducer<>(ctx.producerProperties("it-faces"),
                    Topics.FACES_REPAIRED.keySerde().serializer(), Topics.FACES_REPAIRED.valueSerde().serializer());
            waitFor(store::ready, "gallery store loaded");
            return new World(ctx, store, source, api, faces, feed,
                    new GalleryClient("http://127.0.0.1:" + api.port(), ADMIN), dlq);
        }

        @Override
        public void close() throws Exception {
            faces.close();
            api.close();
            source.close();
            store.close();
            ctx.close();
            dlq.close();
        }
    }

    static void sendTrack(KafkaProducer<String, Face> p, String cam, long track, long person, long t, int frames) throws Exception {
        for (int i = 0; i < frames; i++)
            p.send(new ProducerRecord<>(Topics.FACES_REPAIRED.name(), null, t + i * 100L, cam,
                    PatternFaces.face(cam, track, i, t + i * 100L, person, 0.8f))).get();
    }

    static RecognitionEvent waitForEvent(EventFeed feed, Predicate<RecognitionEvent> p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<RecognitionEvent> got = feed.query(p, 1);
            if (!got.isEmpty()) return got.get(0);
            Thread.sleep(200);
        }
        throw new AssertionError("no matching event within 60 s; recent: " + feed.query(e -> true, 10));
    }

    static void waitFor(java.util.function.BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(100);
        }
    }
}
