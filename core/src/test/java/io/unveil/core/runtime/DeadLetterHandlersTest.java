package io.unveil.core.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.Settings;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.testing.PoisonTopology;
import io.unveil.core.testing.RoleStreamsProperties;
import io.unveil.core.topic.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poison records under the Streams configuration of every role: dead-lettered with a reason, the stream goes on. */
class DeadLetterHandlersTest {
    @TempDir
    Path state;

    private Properties props(boolean withHandlers) {
        // at-least-once: under exactly-once TopologyTestDriver drops the deserialization handler's dead letter (see
        // RoleStreamsProperties; DeadLettersOnBrokerTest in deploy shows it committed on a broker)
        Properties p = RoleStreamsProperties.atLeastOnce("handler-test", state, Settings.empty());
        if (!withHandlers) {
            p.remove(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG);
            p.remove(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG);
        }
        return p;
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheStreamGoesOn() {
        try (TopologyTestDriver d = new TopologyTestDriver(PoisonTopology.build("in", "out"), props(true))) {
            TestInputTopic<String, byte[]> in = d.createInputTopic("in", new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, String> out = d.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
            TestOutputTopic<String, DeadLetter> dlq = d.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
                    Topics.DLQ.valueSerde().deserializer());
            byte[] garbage = PoisonTopology.GARBAGE;
            in.pipeInput("k1", garbage);
            in.pipeInput("k2", PoisonTopology.entry("boom"));
            in.pipeInput("k3", PoisonTopology.entry("alice"));
            assertEquals(List.of("alice"), out.readValuesToList());
            List<DeadLetter> dead = dlq.readValuesToList();
            assertEquals(2, dead.size(), dead.toString());
            assertEquals("handler-test", dead.get(0).stage());
            assertTrue(dead.get(0).reason().startsWith("undeserializable: "), dead.get(0).reason());
            assertEquals("in", dead.get(0).sourceTopic());
            assertEquals(0, dead.get(0).offset());
            assertEquals("k1", dead.get(0).key());
            assertArrayEquals(garbage, dead.get(0).payload());
            assertTrue(dead.get(1).reason().startsWith("processing-error: IllegalStateException: processor fails on boom"), dead.get(1).reason());
            assertEquals(1, dead.get(1).offset());
            assertArrayEquals(PoisonTopology.entry("boom"), dead.get(1).payload());
        }
    }

    @Test
    void withoutTheHandlersAPoisonRecordStopsTheStream() {
        try (TopologyTestDriver d = new TopologyTestDriver(PoisonTopology.build("in", "out"), props(false))) {
            TestInputTopic<String, byte[]> in = d.createInputTopic("in", new StringSerializer(), new ByteArraySerializer());
            assertThrows(StreamsException.class, () -> in.pipeInput("k1", new byte[]{1, 2, 3}));
        }
    }
}
