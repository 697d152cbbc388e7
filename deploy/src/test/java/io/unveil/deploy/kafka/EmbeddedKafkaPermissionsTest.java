package io.unveil.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unveil.core.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25 item 6: the embedded broker's data (gallery names and centroids) is owner-only: folders 0700, files 0600. */
class EmbeddedKafkaPermissionsTest {
    @Test
    void dataIsOwnerOnly(@TempDir Path tmp) throws Exception {
        assumeTrue(PrivateFiles.posix(), "POSIX file system");
        Path dir = tmp.resolve("data");
        try (EmbeddedKafka k = EmbeddedKafka.start(dir)) {
            Properties p = k.clientProperties();
            TopicCreator.ensure(p, (short) 1);
            try (KafkaProducer<String, String> prod = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                prod.send(new ProducerRecord<>(Topics.GALLERY.name(), "ada", "{\"name\":\"Ada\"}")).get();
            }
        }
        try (EmbeddedKafka k = EmbeddedKafka.start(dir)) {
            List<Path> all;
            try (Stream<Path> s = Files.walk(dir)) {
                all = s.filter(x -> !Files.isSymbolicLink(x)).toList();
            }
            for (Path x : all)
                if (Files.isDirectory(x))
                    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(x)), x.toString());
            Path galleryLog;
            try (Stream<Path> s = Files.walk(dir)) {
                galleryLog = s.filter(x -> x.getParent().getFileName().toString().startsWith(Topics.GALLERY.name() + "-")
                        && x.toString().endsWith(".log")).findFirst().orElseThrow();
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(galleryLog)), galleryLog.toString());
            assertTrue(all.size() > 10);
        }
    }
}
