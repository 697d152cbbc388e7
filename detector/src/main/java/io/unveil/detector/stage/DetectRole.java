package io.unveil.detector.stage;

import io.unveil.core.model.ModelLoader;
import io.unveil.core.runtime.AbstractRole;
import io.unveil.core.runtime.RoleContext;
import io.unveil.detector.FaceAnalyzer;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * Role {@code detect}: the detector topology as Streams application {@value DetectorTopology#APPLICATION_ID}, with the
 * analyzer its loader gives (in a process, the registry of {@code detector.model}: face-api's TinyFaceDetector or
 * SSD-MobileNetV1 + 68-point landmarks, {@link DetectorModels}).
 */
public final class DetectRole extends AbstractRole {
    private final ModelLoader<? extends FaceAnalyzer> analyzers;

    public DetectRole(ModelLoader<? extends FaceAnalyzer> analyzers) {
        super("detect");
        this.analyzers = analyzers;
    }

    @Override
    protected void open(RoleContext ctx) {
        DetectorConfig config = DetectorConfig.from(ctx.settings());
        FaceAnalyzer analyzer = closeOnStop(analyzers.load(ctx.settings()));
        StreamsBuilder b = new StreamsBuilder();
        DetectorTopology.buildTopology(b, config, analyzer, AlignedCropper.INSTANCE, ctx.registry());
        // a frame can take long on a busy CPU: poll few records at a time, allow slow polls and transactions
        startStreams(ctx, DetectorTopology.APPLICATION_ID, b.build(), Map.of(
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), "20",
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), "600000",
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), "120000"));
    }
}
