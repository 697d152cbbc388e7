package io.unveil.core.runtime;

import io.micrometer.core.instrument.Counter;
import io.unveil.core.metrics.Metrics;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Turns a record that Kafka Streams could not deserialize or process into a {@link DeadLetter} for {@code unveil.dlq}.
 * Streams sends it in the same transaction as the task's other output (KIP-1034), so under exactly-once v2 the
 * poison record is dead-lettered exactly once and the application moves on instead of failing (and, with thread
 * replacement, failing again on the same record forever).
 */
final class DeadLetters {
    static final int MAX_REASON = 1000;

    private DeadLetters() {
    }

    static String stage(Map<String, ?> configs) {
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        return id == null ? "streams" : id.toString();
    }

    static List<ProducerRecord<byte[], byte[]>> record(String stage, String kind, ErrorHandlerContext ctx, byte[] rawKey,
                                                       byte[] rawValue, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (why.length() > MAX_REASON) why = why.substring(0, MAX_REASON) + "...";
        String key = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
        DeadLetter d = new DeadLetter(stage, kind + ": " + why, ctx.topic(), ctx.partition(), ctx.offset(), key,
                headers(ctx.headers()), DeadLetter.truncate(rawValue), ctx.timestamp());
        Counter.builder("unveil.streams.dead.letters").description("records a Streams application could not deserialize or process, sent to unveil.dlq")
                .tag("application", stage).tag("reason", kind).register(Metrics.registry()).increment();
        byte[] k = rawKey;
        byte[] v = Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), d);
        return List.of(new ProducerRecord<>(Topics.DLQ.name(), null, k, v));
    }

    static Map<String, String> headers(Headers hs) {
        return RecordDeadLetters.headers(hs);
    }
}
