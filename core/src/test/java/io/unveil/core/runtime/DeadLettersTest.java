package io.unveil.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private static final RecordMetadata SOURCE = new RecordMetadata() {
        @Override
        public String topic() {
            return "unveil.frames";
        }

        @Override
        public int partition() {
            return 2;
        }

        @Override
        public long offset() {
            return 41;
        }
    };

    @Test
    void aRejectedRecordKeepsWhereItCameFromWhyAndItsBytes() {
        RecordHeaders h = new RecordHeaders();
        h.add("camera", "lobby".getBytes(StandardCharsets.UTF_8));
        byte[] huge = new byte[DeadLetter.MAX_PAYLOAD + 1];
        DeadLetter d = DeadLetters.of("detector", "bad-frame", "missing header", Optional.of(SOURCE),
                new Record<>("lobby", huge, 1234L, h));
        assertEquals("detector", d.stage());
        assertEquals("bad-frame: missing header", d.reason());
        assertEquals("unveil.frames", d.sourceTopic());
        assertEquals(2, d.partition());
        assertEquals(41, d.offset());
        assertEquals("lobby", d.key());
        assertEquals(Map.of("camera", "lobby"), d.headers());
        assertEquals(DeadLetter.MAX_PAYLOAD, d.payload().length, "payload truncated");
        assertEquals(1234L, d.timestampMs());
    }

    @Test
    void withoutSourceDetailOrPayloadTheFieldsSaySo() {
        DeadLetter d = DeadLetters.of("inpaint", "bad-pending", null, Optional.empty(), "cam", null, null, 7L);
        assertEquals("bad-pending", d.reason(), "no ': null' for a missing detail");
        assertNull(d.sourceTopic());
        assertEquals(-1, d.partition());
        assertEquals(-1, d.offset());
        assertEquals(Map.of(), d.headers());
        assertNull(d.payload());
    }

    @Test
    void aLongDetailIsCut() {
        DeadLetter d = DeadLetters.of("s", "r", "x".repeat(5000), Optional.empty(), null, null, null, 0);
        assertEquals("r: ".length() + DeadLetters.MAX_DETAIL + "...".length(), d.reason().length());
        assertTrue(d.reason().endsWith("x..."));
    }

    @Test
    void anOutcomeIsAValueOrADeadLetterNeverBothOrNeither() {
        DeadLetter d = DeadLetters.of("s", "r", null, Optional.empty(), null, null, null, 0);
        assertTrue(Outcome.dead(d).isDead());
        assertEquals("face", Outcome.of("face").value());
        assertThrows(IllegalArgumentException.class, () -> new Outcome<>("face", d));
        assertThrows(IllegalArgumentException.class, () -> Outcome.of(null));
    }
}
