package io.unveil.core.record;

import java.util.Map;

/** A record a stage could not process, with why. Nothing is dropped silently: it lands in {@code unveil.dlq}. */
public record DeadLetter(
        String stage,
        String reason,
        String sourceTopic,
        int partition,
        long offset,
        String key,
        Map<String, String> headers,
        byte[] payload,
        long timestampMs) {

    /** Payloads are kept up to this many bytes so a flood of huge garbage cannot blow up the DLQ. */
    public static final int MAX_PAYLOAD = 256 * 1024;

    public static byte[] truncate(byte[] payload) {
        if (payload == null || payload.length <= MAX_PAYLOAD) return payload;
        return java.util.Arrays.copyOf(payload, MAX_PAYLOAD);
    }
}
