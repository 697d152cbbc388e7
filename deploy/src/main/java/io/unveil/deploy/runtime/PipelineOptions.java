package io.unveil.deploy.runtime;

import io.unveil.core.config.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * How to launch: which roles, against which Kafka (null bootstrap = embedded broker under dataDir), where metrics
 * are served (port 0 = any free port), and the replication factor of created topics and internal Streams topics.
 */
public record PipelineOptions(List<String> roles, String bootstrap, Path dataDir, String metricsHost, int metricsPort,
                              short replicationFactor, Settings settings) {
}
