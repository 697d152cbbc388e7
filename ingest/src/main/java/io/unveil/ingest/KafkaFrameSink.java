package io.unveil.ingest;

import io.unveil.core.record.Frame;
import io.unveil.core.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Produces frames to {@code unveil.frames}, key = camera id, JPEG value, metadata headers ({@code FrameSerde}). */
public final class KafkaFrameSink implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFrameSink.class);
    private final KafkaProducer<String, Frame> producer;
    private final Map<String, IngestMetrics> metrics = new ConcurrentHashMap<>();

    public KafkaFrameSink(Properties producerProps) {
        this.producer = new KafkaProducer<>(producerProps, Topics.FRAMES.keySerde().serializer(),
                Topics.FRAMES.valueSerde().serializer());
    }

    void register(String camera, IngestMetrics m) {
        metrics.put(camera, m);
    }

    @Override
    public void send(Frame frame) {
        IngestMetrics m = metrics.get(frame.cameraId());
        producer.send(new ProducerRecord<>(Topics.FRAMES.name(), null, frame.captureTimeMs(), frame.cameraId(), frame),
                (meta, err) -> {
                    if (m == null) return;
                    if (err == null) {
                        m.sent();
                    } else {
                        m.dropped("send");
                        LOG.warn("camera {}: frame {} not sent: {}", frame.cameraId(), frame.sequence(), err.toString());
                    }
                });
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
