package io.unveil.core.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.runtime.RoleContext;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams properties a role runs with in production ({@link RoleContext#streamsProperties}: exactly-once v2, the
 * dead-letter exception handlers, serdes), for TopologyTestDriver tests, so those run the same configuration. The
 * only test overrides: no broker (TopologyTestDriver needs none) and the state under the test's directory.
 *
 * <p>One gap: under exactly-once TopologyTestDriver loses the dead letter a deserialization handler sends for an
 * undeserializable record (the open transaction no processed record commits is discarded; measured: 0 of 3 such
 * dead letters arrive, all 3 at-least-once). Tests that feed such records use {@link #atLeastOnce}; on a broker the
 * handler's dead letter is committed under exactly-once ({@code DeadLettersOnBrokerTest} in deploy).
 */
public final class RoleStreamsProperties {
    private RoleStreamsProperties() {
    }

    public static Properties of(String applicationId, Path stateDir) {
        return of(applicationId, stateDir, Settings.empty());
    }

    /** With settings, e.g. {@code streams.config.*} overrides as an operator would give them. */
    public static Properties of(String applicationId, Path stateDir, Settings settings) {
        return new RoleContext("unused:9092", settings, new SimpleMeterRegistry(), stateDir, (short) 1, (name, check) -> {
        }).streamsProperties(applicationId);
    }

    /** As {@link #of(String, Path, Settings)} at-least-once, for tests of undeserializable input (see above). */
    public static Properties atLeastOnce(String applicationId, Path stateDir, Settings settings) {
        Properties p = of(applicationId, stateDir, settings);
        p.remove(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        return p;
    }
}
