package io.unveil.core.runtime;

import io.micrometer.core.instrument.Counter;
import io.unveil.core.metrics.Metrics;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The one way to build a {@link DeadLetter}: where the record came from, why (a reason and its detail), its key,
 * headers and (truncated) bytes. Stages use it for the input they reject; the Streams exception handlers use it for
 * records Kafka Streams could not deserialize or process, which Streams sends in the same transaction as the task's
 * other output (KIP-1034), so under exactly-once v2 the poison record is dead-lettered exactly once and the
 * application moves on instead of failing (and, with thread replacement, failing again on the same record forever).
 */
public final class DeadLetters {
    /** Longer details (an exception message quoting a whole payload) are cut here: a DLQ record is read by people. */
    static final int MAX_DETAIL = 1000;

    private DeadLetters() {
    }

    /**
     * A dead letter for an input record.
     *
     * @param reason  a short fixed word (counted in metrics), e.g. {@code bad-frame}
     * @param detail  what exactly was wrong, or null
     * @param source  the input's topic, partition and offset; empty when the record did not come from a topic
     * @param headers the input's headers, or null
     * @param payload the input's bytes as read, or null
     */
    public static DeadLetter of(String stage, String reason, String detail, Optional<RecordMetadata> source, String key,
                                Headers headers, byte[] payload, long timestampMs) {
        RecordMetadata m = source.orElse(null);
        return of(stage, reason, detail, m == null ? null : m.topic(), m == null ? -1 : m.partition(),
                m == null ? -1 : m.offset(), key, headers, payload, timestampMs);
    }

    /**
     * A dead letter for a record read outside a Streams task (a plain consumer, a global store's processor), whose
     * topic, partition and offset the reader knows itself; -1 where it does not.
     */
    public static DeadLetter of(String stage, String reason, String detail, String topic, int partition, long offset,
                                String key, Headers headers, byte[] payload, long timestampMs) {
        String why = detail == null ? reason
                : reason + ": " + (detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail);
        return new DeadLetter(stage, why, topic, partition, offset, key, headers(headers), DeadLetter.truncate(payload), timestampMs);
    }

    /** A dead letter for an input record read as raw bytes, as a stage's processor rejects it. */
    public static DeadLetter of(String stage, String reason, String detail, Optional<RecordMetadata> source,
                                Record<String, byte[]> rec) {
        return of(stage, reason, detail, source, rec.key(), rec.headers(), rec.value(), rec.timestamp());
    }

    /** Header values as UTF-8 text (a DLQ record is read by people). */
    static Map<String, String> headers(Headers hs) {
        Map<String, String> out = new TreeMap<>();
        if (hs == null) return out;
        for (Header h : hs) out.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        return out;
    }

    /** The application id, which names the stage in dead letters of the exception handlers. */
    static String stage(Map<String, ?> configs) {
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        return id == null ? "streams" : id.toString();
    }

    /** The {@code unveil.dlq} record an exception handler returns for a poison record, counted by application and kind. */
    static List<ProducerRecord<byte[], byte[]>> record(String stage, String kind, ErrorHandlerContext ctx, byte[] rawKey,
                                                       byte[] rawValue, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        String key = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
        DeadLetter d = of(stage, kind, why, Optional.of(source(ctx)), key, ctx.headers(), rawValue, ctx.timestamp());
        Counter.builder("unveil.streams.dead.letters").description("records a Streams application could not deserialize or process, sent to unveil.dlq")
                .tag("application", stage).tag("reason", kind).register(Metrics.registry()).increment();
        byte[] v = Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), d);
        return List.of(new ProducerRecord<>(Topics.DLQ.name(), null, rawKey, v));
    }

    private static RecordMetadata source(ErrorHandlerContext ctx) {
        return new RecordMetadata() {
            @Override
            public String topic() {
                return ctx.topic();
            }

            @Override
            public int partition() {
                return ctx.partition();
            }

            @Override
            public long offset() {
                return ctx.offset();
            }
        };
    }
}
