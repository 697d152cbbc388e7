package io.unveil.detector.stage;

import io.unveil.core.runtime.Role;
import io.unveil.core.runtime.RoleContext;
import io.unveil.core.config.Settings;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.faceapi.TinyFaceDetector;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.detector.yunet.YuNetDetector;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * Role {@code detect}: the detector topology as Streams application {@value DetectorTopology#APPLICATION_ID}, with
 * the face analyzer {@code detector.model} names ({@link #analyzer}).
 */
public final class DetectRole implements Role {
    public static final String DEFAULT_MODEL = "yunet";

    private FaceAnalyzer analyzer;
    private KafkaStreams streams;

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public void start(RoleContext ctx) {
        DetectorConfig config = DetectorConfig.from(ctx.settings());
        analyzer = analyzer(ctx.settings(), config);
        StreamsBuilder b = new StreamsBuilder();
        DetectorTopology.buildTopology(b, config, analyzer, AlignedCropper.INSTANCE, ctx.registry());
        // a frame can take long on a busy CPU: poll few records at a time, allow slow polls and transactions
        streams = ctx.startStreams(DetectorTopology.APPLICATION_ID, b.build(), Map.of(
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), "20",
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), "600000",
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), "120000"));
    }

    /**
     * The analyzer {@code detector.model} names: {@value #DEFAULT_MODEL} (default) = YuNet n-320 + 68 landmarks (score floor {@link YuNetDetector#DEFAULT_SCORE_THRESHOLD}; {@code detector.min-score} still
     * applies on top); {@code tiny} = face-api's TinyFaceDetector ({@code detector.input-size}, default 416) + 68
     * landmarks. Measured in docs/evaluation.md, "Detection of masked faces".
     */
    public static FaceAnalyzer analyzer(Settings settings, DetectorConfig config) {
        String model = settings.string("detector.model", DEFAULT_MODEL).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (model) {
            case "yunet" -> YuNetAnalyzer.load(YuNetDetector.DEFAULT_SCORE_THRESHOLD);
            case "tiny" -> FaceApiAnalyzer.load(settings.integer("detector.input-size", TinyFaceDetector.DEFAULT_INPUT_SIZE),
                    (float) config.minScore());
            default -> throw new IllegalArgumentException("detector.model must be yunet or tiny, not '" + model + "'");
        };
    }

    @Override
    public void close() {
        if (streams != null) streams.close(java.time.Duration.ofSeconds(20));
        if (analyzer != null) analyzer.close();
    }
}
