package io.unveil.detector.stage;

import io.unveil.core.runtime.Role;
import io.unveil.core.runtime.RoleContext;
import io.unveil.detector.FaceApiAnalyzer;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * Role {@code detect}: the detector topology with face-api's TinyFaceDetector + 68-point landmarks
 * ({@code detector.input-size}, default 416; {@code detector.min-score}, default 0.5) as Streams application
 * {@value DetectorTopology#APPLICATION_ID}.
 */
public final class DetectRole implements Role {
    private FaceApiAnalyzer analyzer;
    private KafkaStreams streams;

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public void start(RoleContext ctx) {
        DetectorConfig config = DetectorConfig.from(ctx.settings());
        analyzer = FaceApiAnalyzer.load(ctx.settings().get(DetectorSettings.INPUT_SIZE),
                (float) config.minScore());
        StreamsBuilder b = new StreamsBuilder();
        DetectorTopology.buildTopology(b, config, analyzer, AlignedCropper.INSTANCE, ctx.registry());
        // a frame can take long on a busy CPU: poll few records at a time, allow slow polls and transactions
        streams = ctx.startStreams(DetectorTopology.APPLICATION_ID, b.build(), Map.of(
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), "20",
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), "600000",
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), "120000"));
    }

    @Override
    public void close() {
        if (streams != null) streams.close(java.time.Duration.ofSeconds(20));
        if (analyzer != null) analyzer.close();
    }
}
