package io.unveil.core.runtime;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record whose key or value cannot be deserialized goes to {@code unveil.dlq} (reason "undeserializable"); processing resumes. */
public final class DeadLetterOnDeserializationError implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnDeserializationError.class);
    private String stage = "streams";

    @Override
    public void configure(Map<String, ?> configs) {
        stage = DeadLetters.stage(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception e) {
        LOG.warn("{}: {}-{}@{} cannot be deserialized, sent to unveil.dlq: {}", stage, ctx.topic(), ctx.partition(), ctx.offset(), e.toString());
        return Response.resume(DeadLetters.record(stage, "undeserializable", ctx, record.key(), record.value(), e));
    }
}
