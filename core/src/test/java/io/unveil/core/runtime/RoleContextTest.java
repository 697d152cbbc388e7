package io.unveil.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import java.nio.file.Path;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;

class RoleContextTest {
    @Test
    void streamsAreExactlyOnceWithConfiguredReplicationAndPassThroughSettings() {
        RoleContext ctx = new RoleContext("h:1", Settings.empty().with("kafka.security.protocol", "SSL")
                .with("streams.config.commit.interval.ms", "250"), new SimpleMeterRegistry(), Path.of("/tmp/x"), (short) 3,
                (n, c) -> { });
        var p = ctx.streamsProperties("app");
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("3", p.get(StreamsConfig.REPLICATION_FACTOR_CONFIG));
        assertEquals("SSL", p.get("security.protocol"));
        assertEquals("250", p.get("commit.interval.ms"));
        assertEquals("h:1", p.get("bootstrap.servers"));
        assertEquals("all", ctx.producerProperties("c").get("acks"));
    }

    @Test
    void sourceTopicsOfATopology() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in.a", Consumed.with(Serdes.String(), Serdes.String())).to("out");
        b.stream("in.b", Consumed.with(Serdes.String(), Serdes.String())).to("out");
        assertEquals(Set.of("in.a", "in.b"), RoleContext.sourceTopics(b.build()));
    }
}
