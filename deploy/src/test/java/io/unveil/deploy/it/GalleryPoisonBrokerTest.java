package io.unveil.deploy.it;

import static io.unveil.deploy.it.GalleryRecognizeBrokerTest.sendTrack;
import static io.unveil.deploy.it.GalleryRecognizeBrokerTest.waitFor;
import static io.unveil.deploy.it.GalleryRecognizeBrokerTest.waitForEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.topic.Topics;
import io.unveil.deploy.kafka.EmbeddedKafka;
import io.unveil.deploy.it.GalleryRecognizeBrokerTest.World;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 1: records in {@code unveil.gallery} that are not gallery entries (not JSON; JSON without a centroid)
 * are dead-lettered with their reason by both readers of the topic, the recognizer's global store and the gallery
 * service's own reader; recognition and enrollment go on, and so does a restart of every process on the same data
 * (the global store restores past the bad records). Before the fix the global store's deserialization handler failed
 * with a ClassCastException and the recognizer stopped for good.
 */
class GalleryPoisonBrokerTest {

    @Test
    void poisonGalleryRecordsAreDeadLetteredAndRecognitionContinues(@TempDir Path dir) throws Exception {
        String first;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            try (World w = World.start(kafka, dir)) {
                Path a1 = dir.resolve("a1.png"), a2 = dir.resolve("a2.png");
                Files.write(a1, MarkedFaces.png(1, Spec.of(42)));
                Files.write(a2, MarkedFaces.png(2, Spec.of(42)));
                first = w.client().enroll("Katherine Johnson", List.of(a1, a2)).get("identity").get("id").asText();

                poison(kafka, first);
                // enrollment after the poison: the new identity must reach the recognizer through the same global store
                Path b1 = dir.resolve("b1.png"), b2 = dir.resolve("b2.png");
                Files.write(b1, MarkedFaces.png(3, Spec.of(77)));
                Files.write(b2, MarkedFaces.png(4, Spec.of(77)));
                String second = w.client().enroll("Dorothy Vaughan", List.of(b1, b2)).get("identity").get("id").asText();

                long now = System.currentTimeMillis();
                sendTrack(w.faces(), "cam-p", 1, 77, now, 6);
                RecognitionEvent named = waitForEvent(w.feed(), e -> "cam-p".equals(e.cameraId()) && second.equals(e.identityId()));
                assertEquals("Dorothy Vaughan", named.name());
                sendTrack(w.faces(), "cam-q", 2, 42, now + 10_000, 6);
                waitForEvent(w.feed(), e -> "cam-q".equals(e.cameraId()) && first.equals(e.identityId()));

                List<DeadLetter> letters = deadLetters(kafka, 6);
                for (String stage : List.of("recognize-gallery", "gallery-reader")) {
                    List<DeadLetter> mine = letters.stream().filter(d -> stage.equals(d.stage())).toList();
                    assertEquals(3, mine.size(), stage + " dead-letters each bad record once: " + letters);
                    assertTrue(mine.stream().allMatch(d -> Topics.GALLERY.name().equals(d.sourceTopic())), letters.toString());
                    assertTrue(mine.stream().anyMatch(d -> d.reason().contains("not a GalleryEntry JSON record")), letters.toString());
                    assertTrue(mine.stream().anyMatch(d -> d.reason().contains("no centroid")), letters.toString());
                    assertTrue(mine.stream().anyMatch(d -> d.reason().contains("differs from the record key")), letters.toString());
                }
                assertTrue(w.store().ready(), "the gallery reader is still running");
                assertEquals(2, w.client().list().size(), "the bad record keyed like an identity did not replace it");
            }
            // every role process restarts on the same state folders and reads the topic again, past the bad records:
            // nothing stops at start-up (the broker's own restart on the same data is GalleryRecognizeBrokerTest's)
            try (World w = World.start(kafka, dir)) {
                JsonNode listed = w.client().list();
                assertEquals(2, listed.size(), "both acknowledged enrollments are listed after the restart: " + listed);
                sendTrack(w.faces(), "cam-r", 3, 42, System.currentTimeMillis(), 6);
                waitForEvent(w.feed(), e -> "cam-r".equals(e.cameraId()) && first.equals(e.identityId()));
                waitFor(w.store()::ready, "gallery reader ready after restart");
            }
        }
    }

    /** Three bad records: not JSON; JSON without a centroid; an entry under another identity's key. */
    private static void poison(EmbeddedKafka kafka, String existingId) throws Exception {
        Properties p = kafka.clientProperties();
        try (KafkaProducer<String, byte[]> prod = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            prod.send(new ProducerRecord<>(Topics.GALLERY.name(), "poison-1", "definitely not json".getBytes(StandardCharsets.UTF_8))).get();
            prod.send(new ProducerRecord<>(Topics.GALLERY.name(), "poison-2",
                    "{\"id\":\"poison-2\",\"name\":\"No Centroid\"}".getBytes(StandardCharsets.UTF_8))).get();
            prod.send(new ProducerRecord<>(Topics.GALLERY.name(), existingId,
                    ("{\"id\":\"someone-else\",\"name\":\"X\",\"centroid\":[1.0,0.0]}").getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static List<DeadLetter> deadLetters(EmbeddedKafka kafka, int atLeast) throws InterruptedException {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> c = new KafkaConsumer<>(p, Topics.DLQ.keySerde().deserializer(),
                Topics.DLQ.valueSerde().deserializer())) {
            c.subscribe(List.of(Topics.DLQ.name()));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, DeadLetter> r : c.poll(Duration.ofMillis(500))) out.add(r.value());
                if (out.size() >= atLeast) {
                    // a little longer, so that a duplicate would be seen too
                    for (ConsumerRecord<String, DeadLetter> r : c.poll(Duration.ofSeconds(2))) out.add(r.value());
                    return out;
                }
            }
        }
        throw new AssertionError("expected at least " + atLeast + " dead letters, got " + out);
    }
}
