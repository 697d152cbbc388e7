package io.unveil.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.core.topic.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25 item 7: topics created by an earlier version (Kafka's default segments) get the catalogue's segments. */
class TopicSegmentsUpgradeTest {
    @Test
    void existingTopicsGetSegmentSettings(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka k = EmbeddedKafka.start(dir)) {
            Properties p = k.clientProperties();
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic(Topics.FRAMES.name(), 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
                TopicCreator.ensure(p, (short) 1);
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FRAMES.name());
                // the controller commits the change; the broker that answers describeConfigs applies it a moment later
                Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
                for (int i = 0; i < 100 && !"600000".equals(c.get(TopicConfig.SEGMENT_MS_CONFIG).value()); i++) {
                    Thread.sleep(100);
                    c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
                }
                assertEquals("600000", c.get(TopicConfig.SEGMENT_MS_CONFIG).value());
                assertEquals(Long.toString(64L << 20), c.get(TopicConfig.SEGMENT_BYTES_CONFIG).value());
                ConfigResource g = new ConfigResource(ConfigResource.Type.TOPIC, Topics.GALLERY.name());
                Config gc = admin.describeConfigs(List.of(g)).all().get(30, TimeUnit.SECONDS).get(g);
                assertEquals("3600000", gc.get(TopicConfig.SEGMENT_MS_CONFIG).value(), "created topics have them too");
            }
        }
    }
}
