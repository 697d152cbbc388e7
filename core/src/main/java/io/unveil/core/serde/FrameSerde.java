package io.unveil.core.serde;

import io.unveil.core.record.Frame;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Frames on the wire: value = the JPEG bytes, headers = camera id, sequence and capture time. Consumers that must
 * survive garbage (the detector) read the topic as bytes and call {@link #fromWire} themselves to dead-letter failures.
 */
public final class FrameSerde implements Serde<Frame> {
    public static final String H_CAMERA = "unveil.camera";
    public static final String H_SEQUENCE = "unveil.seq";
    public static final String H_CAPTURE_MS = "unveil.capture-ms";

    @Override
    public Serializer<Frame> serializer() {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, Frame data) {
                throw new SerializationException("frames need headers: use serialize(topic, headers, frame)");
            }

            @Override
            public byte[] serialize(String topic, Headers headers, Frame f) {
                if (f == null) return null;
                headers.remove(H_CAMERA).remove(H_SEQUENCE).remove(H_CAPTURE_MS);
                headers.add(H_CAMERA, f.cameraId().getBytes(StandardCharsets.UTF_8));
                headers.add(H_SEQUENCE, Long.toString(f.sequence()).getBytes(StandardCharsets.US_ASCII));
                headers.add(H_CAPTURE_MS, Long.toString(f.captureTimeMs()).getBytes(StandardCharsets.US_ASCII));
                return f.jpeg();
            }
        };
    }

    @Override
    public Deserializer<Frame> deserializer() {
        return new Deserializer<>() {
            @Override
            public Frame deserialize(String topic, byte[] data) {
                throw new SerializationException("frames need headers: use deserialize(topic, headers, bytes)");
            }

            @Override
            public Frame deserialize(String topic, Headers headers, byte[] data) {
                return fromWire(headers, data);
            }
        };
    }

    /** Rebuilds a frame from headers and value; throws {@link SerializationException} with a reason when malformed. */
    public static Frame fromWire(Headers headers, byte[] data) {
        if (data == null || data.length == 0) throw new SerializationException("empty frame value");
        String camera = text(headers, H_CAMERA);
        long seq = number(headers, H_SEQUENCE);
        long capture = number(headers, H_CAPTURE_MS);
        if (camera.isBlank()) throw new SerializationException("blank camera id header");
        return new Frame(camera, seq, capture, data);
    }

    private static String text(Headers headers, String key) {
        Header h = headers == null ? null : headers.lastHeader(key);
        if (h == null || h.value() == null) throw new SerializationException("missing header " + key);
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    private static long number(Headers headers, String key) {
        String s = text(headers, key);
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new SerializationException("header " + key + " is not a number: '" + s + "'");
        }
    }
}
