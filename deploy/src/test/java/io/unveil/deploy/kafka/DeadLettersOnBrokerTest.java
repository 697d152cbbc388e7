package io.unveil.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.runtime.RoleContext;
import io.unveil.core.testing.PoisonTopology;
import io.unveil.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter handlers under exactly-once v2 on a real broker, as every role runs them ({@link RoleContext}): an
 * undeserializable record and a record a processor throws on each reach {@code unveil.dlq} once, committed, and the
 * good record after them is processed. (TopologyTestDriver cannot show the first: it discards what a deserialization
 * handler sends inside a transaction that no processed record commits.)
 */
@Timeout(180)
class DeadLettersOnBrokerTest {
    @TempDir
    Path dir;

    @Test
    void poisonRecordsAreDeadLetteredOnceInTheTransactionAndTheStreamGoesOn() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             RoleContext ctx = new RoleContext(kafka.bootstrap(), kafka.withCredential(Settings.empty()), new SimpleMeterRegistry(), dir, (short) 1,
                     (n, c) -> { })) {
            Properties client = ctx.clientProperties();
            TopicCreator.ensure(client, (short) 1);
            try (Admin admin = Admin.create(client)) {
                admin.createTopics(List.of(new NewTopic("dlq-test.in", 1, (short) 1), new NewTopic("dlq-test.out", 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            ctx.startStreams("dlq-test", PoisonTopology.build("dlq-test.in", "dlq-test.out"));

            try (var producer = new KafkaProducer<>(ctx.producerProperties("dlq-test-input"), new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("dlq-test.in", "k1", PoisonTopology.GARBAGE));
                producer.send(new ProducerRecord<>("dlq-test.in", "k2", PoisonTopology.entry("boom")));
                producer.send(new ProducerRecord<>("dlq-test.in", "k3", PoisonTopology.entry("alice")));
                producer.flush();
            }

            assertEquals(List.of("alice"), read("dlq-test.out", 1, client).stream()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList());
            List<DeadLetter> dead = read(Topics.DLQ.name(), 2, client).stream()
                    .map(r -> Topics.DLQ.valueSerde().deserializer().deserialize(Topics.DLQ.name(), r.value())).toList();
            assertEquals(2, dead.size(), dead.toString());
            assertTrue(dead.get(0).reason().startsWith("undeserializable: "), dead.get(0).reason());
            assertEquals("k1", dead.get(0).key());
            assertTrue(dead.get(1).reason().startsWith("processing-error: "), dead.get(1).reason());
            assertEquals("k2", dead.get(1).key());
        }
    }

    /** Committed records of a topic: waits for {@code expected}, then 3 s more for any extra (a duplicate). */
    private static List<ConsumerRecord<String, byte[]>> read(String topic, int expected, Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-test-reader-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (out.size() < expected && System.nanoTime() < deadline) c.poll(Duration.ofMillis(500)).forEach(out::add);
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < settle) c.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
