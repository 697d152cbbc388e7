package io.unveil.core.runtime;

import io.micrometer.core.instrument.Counter;
import io.unveil.core.metrics.Metrics;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.topic.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DeadLetterSink} writing to {@code unveil.dlq} through its own idempotent producer. Sends are asynchronous
 * (a global-store processor must not block on the broker); a send that fails is logged with the whole dead letter so
 * the record is still recoverable from the log.
 */
public final class KafkaDeadLetterSink implements DeadLetterSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaDeadLetterSink.class);
    private final KafkaProducer<String, DeadLetter> producer;
    private final String stage;

    public KafkaDeadLetterSink(Properties producerProps, String stage) {
        this.producer = new KafkaProducer<>(producerProps, Topics.DLQ.keySerde().serializer(),
                Topics.DLQ.valueSerde().serializer());
        this.stage = stage;
    }

    @Override
    public void publish(DeadLetter d) {
        Counter.builder("unveil.dead.letters").description("records a reader outside a Streams task rejected, sent to unveil.dlq")
                .tag("stage", stage).register(Metrics.registry()).increment();
        producer.send(new ProducerRecord<>(Topics.DLQ.name(), d.key(), d), (md, e) -> {
            if (e != null) LOG.error("{}: could not write a dead letter to {} ({}); the letter: {}", stage, Topics.DLQ.name(), e.toString(), d);
        });
    }

    /** Waits for the letters sent so far (tests, shutdown). */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
