package io.unveil.core.runtime;

import io.unveil.core.record.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The dead letter a stage's processor forwards for an input record it rejects: where it came from, why, its bytes. */
public final class RecordDeadLetters {
    private RecordDeadLetters() {
    }

    public static DeadLetter of(String stage, String reason, String detail, Optional<RecordMetadata> source,
                                Record<String, byte[]> rec) {
        RecordMetadata m = source.orElse(null);
        return new DeadLetter(stage, reason + ": " + detail, m == null ? null : m.topic(),
                m == null ? -1 : m.partition(), m == null ? -1 : m.offset(), rec.key(), headers(rec.headers()),
                DeadLetter.truncate(rec.value()), rec.timestamp());
    }

    /** Header values as UTF-8 text (a DLQ record is read by people). */
    public static Map<String, String> headers(Headers hs) {
        Map<String, String> out = new TreeMap<>();
        if (hs == null) return out;
        for (Header h : hs) out.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        return out;
    }
}
