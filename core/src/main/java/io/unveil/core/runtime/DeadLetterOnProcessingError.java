package io.unveil.core.runtime;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on which a processor throws goes to {@code unveil.dlq} (reason "processing-error", with the source record's
 * raw bytes); processing resumes with the next record. Stages still dead-letter the failures they expect themselves;
 * this catches the ones they do not.
 */
public final class DeadLetterOnProcessingError implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnProcessingError.class);
    private String stage = "streams";

    @Override
    public void configure(Map<String, ?> configs) {
        stage = DeadLetters.stage(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
        LOG.warn("{}: processor {} failed on {}-{}@{}, sent to unveil.dlq: {}", stage, ctx.processorNodeId(), ctx.topic(),
                ctx.partition(), ctx.offset(), e.toString());
        return Response.resume(DeadLetters.record(stage, "processing-error", ctx, ctx.sourceRawKey(), ctx.sourceRawValue(), e));
    }
}
