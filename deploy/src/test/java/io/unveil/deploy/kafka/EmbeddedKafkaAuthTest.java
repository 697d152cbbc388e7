package io.unveil.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 6: the embedded broker requires its credential. A local process without it (no SASL, or a wrong
 * password) cannot tombstone an identity, neither through the client listener nor the controller's; with the
 * generated client configuration file (0600) a client connects.
 */
@Timeout(180)
class EmbeddedKafkaAuthTest {
    @TempDir
    Path dir;

    @Test
    void aClientWithoutTheCredentialCannotTombstoneAnIdentity() throws Exception {
        try (EmbeddedKafka k = EmbeddedKafka.start(dir)) {
            Path file = dir.resolve(BrokerCredential.FILE);
            if (PrivateFiles.posix())
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            Properties fromFile = new Properties();
            try (var in = Files.newInputStream(file)) {
                fromFile.load(in); // what an external client is told to use (README)
            }
            TopicCreator.ensure(fromFile, (short) 1);
            try (var p = new KafkaProducer<>(fromFile, new StringSerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(Topics.GALLERY.name(), "ada", "{\"id\":\"ada\"}".getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }

            Properties none = new Properties(); // PLAINTEXT: the broker never gets past the SASL handshake
            none.put("bootstrap.servers", k.bootstrap());
            assertTombstoneRefused(none);
            Properties wrong = k.clientProperties();
            wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"unveil\" password=\"guess\";");
            Throwable refused = assertTombstoneRefused(wrong);
            assertTrue(causedBy(refused, AuthenticationException.class), "a wrong password is an authentication failure: " + refused);
            Properties controller = new Properties(); // Admin straight to the KRaft controller, without credential
            controller.put("bootstrap.controllers", controllerAddress(dir));
            controller.put("request.timeout.ms", "3000");
            controller.put("default.api.timeout.ms", "5000");
            try (Admin a = Admin.create(controller)) {
                assertThrows(ExecutionException.class, () -> a.deleteTopics(List.of(Topics.GALLERY.name())).all().get(20, TimeUnit.SECONDS));
            }

            List<ConsumerRecord<String, byte[]>> records = readAll(k.clientProperties(), Topics.GALLERY.name());
            assertEquals(1, records.size(), "only the authenticated write is in the topic");
            assertNotNull(records.get(0).value(), "no tombstone");
        }
    }

    /** A data folder written before authentication existed (its file names PLAINTEXT listeners) starts authenticated. */
    @Test
    void anOldPlaintextFolderStartsWithSasl() {
        Properties old = new Properties();
        old.put("process.roles", "broker,controller");
        old.put("controller.quorum.voters", "1@127.0.0.1:30002");
        old.put("listeners", "PLAINTEXT://127.0.0.1:30001,CONTROLLER://127.0.0.1:30002");
        old.put("advertised.listeners", "PLAINTEXT://127.0.0.1:30001");
        old.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        old.put("inter.broker.listener.name", "PLAINTEXT");
        old.put("unveil.port", "30001");
        old.put("unveil.cluster.id", "x");
        Properties p = EmbeddedKafka.serverProperties(old, new BrokerCredential("unveil", "s3cret"));
        assertEquals("CLIENT://127.0.0.1:30001,CONTROLLER://127.0.0.1:30002", p.getProperty("listeners"));
        assertEquals("CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT", p.getProperty("listener.security.protocol.map"));
        assertTrue(p.getProperty("listener.name.client.plain.sasl.jaas.config").contains("user_unveil=\"s3cret\""));
        assertTrue(p.getProperty("listener.name.controller.plain.sasl.jaas.config").contains("user_unveil=\"s3cret\""));
        assertEquals(null, p.getProperty("unveil.port"), "Unveil's own keys are not broker settings");
    }

    private static Throwable assertTombstoneRefused(Properties client) {
        client.put("max.block.ms", "5000");
        client.put("delivery.timeout.ms", "5000");
        client.put("request.timeout.ms", "3000");
        client.put("linger.ms", "0");
        Throwable t;
        try (var p = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            t = assertThrows(Exception.class, () -> p.send(new ProducerRecord<>(Topics.GALLERY.name(), "ada", null)).get(20, TimeUnit.SECONDS));
        }
        return t;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }

    private static String controllerAddress(Path dir) throws Exception {
        Properties stored = new Properties();
        try (var in = Files.newInputStream(dir.resolve("unveil-broker.properties"))) {
            stored.load(in);
        }
        String voters = stored.getProperty("controller.quorum.voters");
        return voters.substring(voters.indexOf('@') + 1);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(Properties client, String topic) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var c = new KafkaConsumer<>(client, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            var end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)))
                c.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }
}
