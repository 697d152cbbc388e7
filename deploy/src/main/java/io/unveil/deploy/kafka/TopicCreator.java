package io.unveil.deploy.kafka;

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

    /** @return the names of topics created now (existing ones are left as they are). */
    public static List<String> ensure(Properties clientProps, short replicationFactor) {
        int minIsr = replicationFactor >= 3 ? 2 : 1;
        try (Admin admin = Admin.create(clientProps)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> t : Topics.ALL) {
                if (!existing.contains(t.name())) missing.add(t.newTopic(replicationFactor, minIsr));
            }
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
