package io.unveil.core.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 item 7: every topic's retention is enforceable. Kafka deletes whole closed segments, so each topic's
 * segments must roll well within its retention (at most a sixth of it here) and stay small; before, every topic had
 * Kafka's 7-day / 1 GiB segments and the frames' 1 h retention deleted nothing.
 */
class TopicSegmentsTest {
    @Test
    void everyTopicRollsSegmentsWithinItsRetention() {
        for (Topic<?, ?> t : Topics.ALL) {
            Map<String, String> cfg = t.newTopic((short) 1, 1).configs();
            long segMs = Long.parseLong(cfg.get(TopicConfig.SEGMENT_MS_CONFIG));
            long segBytes = Long.parseLong(cfg.get(TopicConfig.SEGMENT_BYTES_CONFIG));
            assertTrue(segBytes <= 64L << 20, t.name() + " segment.bytes " + segBytes);
            if (t.retention() != null)
                assertTrue(segMs <= t.retention().toMillis() / 6, t.name() + ": segment.ms " + segMs + " vs retention " + t.retention());
            else
                assertTrue(segMs <= 3_600_000L, t.name() + ": a compacted topic's segments roll so the cleaner can run");
        }
        assertEquals("600000", Topics.FRAMES.newTopic((short) 1, 1).configs().get(TopicConfig.SEGMENT_MS_CONFIG),
                "frames (1 h retention) roll every 10 min: at most ~70 min of frames on disk");
    }
}
