package io.unveil.core.record;

/**
 * One decoded-and-re-encoded camera frame. On the wire the value is the JPEG itself; camera id, sequence and capture
 * time travel as Kafka headers (see {@link io.unveil.core.serde.FrameSerde}).
 */
public record Frame(String cameraId, long sequence, long captureTimeMs, byte[] jpeg) {
    public Frame {
        if (cameraId == null || cameraId.isBlank()) throw new IllegalArgumentException("frame without camera id");
        if (jpeg == null || jpeg.length == 0) throw new IllegalArgumentException("frame without image bytes");
    }
}
