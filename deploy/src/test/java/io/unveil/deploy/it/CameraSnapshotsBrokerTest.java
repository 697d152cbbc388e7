package io.unveil.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Frame;
import io.unveil.core.topic.Topics;
import io.unveil.deploy.kafka.EmbeddedKafka;
import io.unveil.deploy.kafka.TopicCreator;
import io.unveil.gallery.cameras.CameraSnapshots;
import io.unveil.gallery.cameras.JpegDownscaler;
import io.unveil.gallery.cameras.KafkaFrameSampler;
import io.unveil.gallery.cameras.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gallery's frame sampler on a real broker: of 3 cameras x 60 frames (two cameras share a partition) it keeps each
 * camera's newest frame, downscaled, while reading a small share of the records.
 */
class CameraSnapshotsBrokerTest {
    static final int FRAMES = 60;

    @Test
    void theNewestFrameOfEachCameraIsKeptFromAFewRecords(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            TopicCreator.ensure(kafka.clientProperties(), (short) 1);
            byte[] jpeg = Images.encodeJpeg(new RgbImage(1280, 720, new byte[1280 * 720 * 3]), 80);
            Properties p = new Properties();
            p.putAll(kafka.clientProperties());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            long t0 = System.currentTimeMillis();
            // "a" and "b" on partition 0, "c" on partition 1: the window must find both cameras of partition 0
            try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(p, new StringSerializer(), Topics.FRAMES.valueSerde().serializer())) {
                for (int i = 0; i < FRAMES; i++) {
                    producer.send(new ProducerRecord<>(Topics.FRAMES.name(), 0, "a", new Frame("a", i, t0 + i * 100L, jpeg)));
                    producer.send(new ProducerRecord<>(Topics.FRAMES.name(), 0, "b", new Frame("b", i, t0 + i * 100L, jpeg)));
                    producer.send(new ProducerRecord<>(Topics.FRAMES.name(), 1, "c", new Frame("c", i, t0 + i * 100L, jpeg)));
                }
                producer.flush();
            }
            CameraSnapshots store = new CameraSnapshots(8, new JpegDownscaler(320, 75));
            try (KafkaFrameSampler sampler = new KafkaFrameSampler(kafka.clientProperties(), store, Duration.ofMillis(200), new SimpleMeterRegistry())) {
                long deadline = System.currentTimeMillis() + 60_000;
                while (store.list().size() < 3 && System.currentTimeMillis() < deadline) Thread.sleep(100);
                assertEquals(3, store.list().size(), "a snapshot per camera: " + store.list());
                for (Snapshot s : store.list()) {
                    assertEquals(FRAMES - 1, s.sequence(), s.cameraId() + " shows its newest frame");
                    assertEquals(1280, s.frameWidth());
                    assertEquals(320, s.width());
                    assertEquals(180, s.height());
                }
                // nothing new on the topic: later rounds fetch nothing more
                long read = sampler.records();
                Thread.sleep(1_000);
                assertEquals(read, sampler.records(), "no records read while no frame arrives");
                assertTrue(read <= 2 * KafkaFrameSampler.MAX_WINDOW, "read " + read + " of " + 3 * FRAMES + " records");
            }
        }
    }
}
