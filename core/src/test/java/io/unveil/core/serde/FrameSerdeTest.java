package io.unveil.core.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.Frame;
import io.unveil.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class FrameSerdeTest {
    final FrameSerde serde = new FrameSerde();

    @Test
    void roundTripsThroughValueAndHeaders() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        RecordHeaders h = new RecordHeaders();
        byte[] value = serde.serializer().serialize("t", h, new Frame("cam-1", 42, 1_700_000_000_123L, jpeg));
        assertArrayEquals(jpeg, value, "the value is the JPEG itself");
        assertEquals("cam-1", new String(h.lastHeader(FrameSerde.H_CAMERA).value(), StandardCharsets.UTF_8));
        assertEquals("42", new String(h.lastHeader(FrameSerde.H_SEQUENCE).value(), StandardCharsets.US_ASCII));
        Frame back = serde.deserializer().deserialize("t", h, value);
        assertEquals("cam-1", back.cameraId());
        assertEquals(42, back.sequence());
        assertEquals(1_700_000_000_123L, back.captureTimeMs());
        assertArrayEquals(jpeg, back.jpeg());
    }

    @Test
    void reserializingReplacesHeadersInsteadOfDuplicating() {
        RecordHeaders h = new RecordHeaders();
        serde.serializer().serialize("t", h, new Frame("a", 1, 1, new byte[]{1}));
        serde.serializer().serialize("t", h, new Frame("b", 2, 2, new byte[]{1}));
        int n = 0;
        for (var ignored : h.headers(FrameSerde.H_CAMERA)) n++;
        assertEquals(1, n);
        assertEquals("b", FrameSerde.fromWire(h, new byte[]{1}).cameraId());
    }

    @Test
    void malformedInputFailsWithAReason() {
        RecordHeaders ok = new RecordHeaders();
        ok.add(FrameSerde.H_CAMERA, "c".getBytes(StandardCharsets.UTF_8));
        ok.add(FrameSerde.H_SEQUENCE, "1".getBytes(StandardCharsets.UTF_8));
        ok.add(FrameSerde.H_CAPTURE_MS, "2".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(SerializationException.class, () -> FrameSerde.fromWire(ok, new byte[0])).getMessage().contains("empty"));
        assertTrue(assertThrows(SerializationException.class, () -> FrameSerde.fromWire(ok, null)).getMessage().contains("empty"));
        assertTrue(assertThrows(SerializationException.class, () -> FrameSerde.fromWire(new RecordHeaders(), new byte[]{1}))
                .getMessage().contains("missing header " + FrameSerde.H_CAMERA));
        RecordHeaders bad = new RecordHeaders();
        bad.add(FrameSerde.H_CAMERA, "c".getBytes(StandardCharsets.UTF_8));
        bad.add(FrameSerde.H_SEQUENCE, "one".getBytes(StandardCharsets.UTF_8));
        bad.add(FrameSerde.H_CAPTURE_MS, "2".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(SerializationException.class, () -> FrameSerde.fromWire(bad, new byte[]{1})).getMessage().contains("not a number"));
        RecordHeaders blank = new RecordHeaders();
        blank.add(FrameSerde.H_CAMERA, " ".getBytes(StandardCharsets.UTF_8));
        blank.add(FrameSerde.H_SEQUENCE, "1".getBytes(StandardCharsets.UTF_8));
        blank.add(FrameSerde.H_CAPTURE_MS, "2".getBytes(StandardCharsets.UTF_8));
        assertThrows(SerializationException.class, () -> FrameSerde.fromWire(blank, new byte[]{1}));
    }

    @Test
    void plainSerializeWithoutHeadersIsRefused() {
        assertThrows(SerializationException.class, () -> serde.serializer().serialize("t", new Frame("c", 1, 1, new byte[]{1})));
        assertThrows(SerializationException.class, () -> serde.deserializer().deserialize("t", new byte[]{1}));
    }

    @Test
    void catalogueUsesIt() {
        assertTrue(Topics.FRAMES.valueSerde() instanceof FrameSerde);
        assertEquals("unveil.frames", Topics.FRAMES.name());
    }
}
