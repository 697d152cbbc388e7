package io.unveil.deploy.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import io.unveil.core.topic.Topic;
import io.unveil.core.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates every topic of {@link Topics#ALL} that does not exist yet, at the given replication factor. */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    /**
     * Topics created by an earlier version have Kafka's 1 GiB / 7-day segments, under which their retention cannot
     * delete anything for days: set segment.ms and segment.bytes from the catalogue on them (nothing else changes).
     */
    static void applySegments(Admin admin, Set<String> existing) throws InterruptedException, ExecutionException, TimeoutException {
        Map<ConfigResource, java.util.Collection<AlterConfigOp>> ops = new java.util.HashMap<>();
        for (Topic<?, ?> t : Topics.ALL) {
            if (!existing.contains(t.name())) continue;
            ops.put(new ConfigResource(ConfigResource.Type.TOPIC, t.name()), List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(t.segmentTime().toMillis())), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry(TopicConfig.SEGMENT_BYTES_CONFIG, Long.toString(t.segmentBytes())), AlterConfigOp.OpType.SET)));
        }
        if (ops.isEmpty()) return;
        try {
            admin.incrementalAlterConfigs(ops).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // a managed cluster may not let clients alter topics (Strimzi owns them through KafkaTopic resources)
            LOG.warn("could not set segment.ms/segment.bytes on existing topics ({}); retention may lag until segments roll",
                    e.getCause() == null ? e.toString() : e.getCause().toString());
        }
    }

    /** @return the names of topics created now (existing ones keep their settings except the segment sizes). */
    public static List<String> ensure(Properties clientProps, short replicationFactor) {
        int minIsr = replicationFactor >= 3 ? 2 : 1;
        try (Admin admin = Admin.create(clientProps)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> t : Topics.ALL) {
                if (!existing.contains(t.name())) missing.add(t.newTopic(replicationFactor, minIsr));
            }
            applySegments(admin, existing);
            if (missing.isEmpty()) return List.of();
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            List<String> names = missing.stream().map(NewTopic::name).toList();
            LOG.info("created topics {} (replication factor {})", names, replicationFactor);
            return names;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) return List.of();
            throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + clientProps.get("bootstrap.servers")
                    + " did not answer within 60 s while creating topics", e);
        }
    }
}
