package io.unveil.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker formats its data once and keeps topics, records and its address across restarts. */
@Timeout(180)
class EmbeddedKafkaTest {
    @TempDir
    Path dir;

    @Test
    void restartReusesDataAndTopics() throws Exception {
        String first;
        try (EmbeddedKafka k = EmbeddedKafka.start(dir)) {
            first = k.bootstrap();
            Properties p = k.clientProperties();
            List<String> created = TopicCreator.ensure(p, (short) 1);
            assertEquals(Topics.ALL.size(), created.size());
            assertEquals(List.of(), TopicCreator.ensure(p, (short) 1), "second call creates nothing");
            try (Admin admin = Admin.create(p)) {
                var d = admin.describeTopics(List.of(Topics.FRAMES.name(), Topics.GALLERY.name())).allTopicNames().get(30, TimeUnit.SECONDS);
                assertEquals(Topics.FRAMES.partitions(), d.get(Topics.FRAMES.name()).partitions().size());
                var cfg = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.GALLERY.name()))).all().get(30, TimeUnit.SECONDS);
                assertEquals("compact", cfg.values().iterator().next().get("cleanup.policy").value());
            }
            p.put("acks", "all");
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.DLQ.name(), "k", "kept across restarts")).get(30, TimeUnit.SECONDS);
            }
        }
        assertTrue(Files.exists(dir.resolve("kafka").resolve("meta.properties")));
        try (EmbeddedKafka k = EmbeddedKafka.start(dir)) {
            assertEquals(first, k.bootstrap(), "same address after restart");
            Properties p = k.clientProperties();
            try (Admin admin = Admin.create(p)) {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                for (var t : Topics.ALL) assertTrue(names.contains(t.name()), t.name());
            }
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "t");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (var c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of(Topics.DLQ.name()));
                String got = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (got == null && System.nanoTime() < deadline) {
                    for (var r : c.poll(Duration.ofMillis(500))) got = r.value();
                }
                assertEquals("kept across restarts", got);
            }
        }
    }
}
