package io.unveil.detector.stage;

import io.micrometer.core.instrument.MeterRegistry;
import io.unveil.core.metrics.Metrics;
import io.unveil.core.record.Face;
import io.unveil.core.runtime.Outcome;
import io.unveil.core.serde.JsonSerde;
import io.unveil.core.topic.Topics;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.track.TrackerState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The detector stage as a Kafka Streams topology: {@code unveil.frames} (read as raw bytes + headers, so garbage can
 * be dead-lettered) -> detect -> align (FACE_128 + CHIP_150) -> quality gate -> per-camera IoU tracker (state store
 * {@value #STORE}) -> {@code unveil.faces}; undecodable input -> {@code unveil.dlq}.
 */
public final class DetectorTopology {
    public static final String APPLICATION_ID = "unveil-detector";
    public static final String STORE = "detector-tracks";

    private DetectorTopology() {
    }

    /** The stage with the production alignment ({@link AlignedCropper}) and the process-wide metrics registry. */
    public static void buildTopology(StreamsBuilder builder, DetectorConfig config, FaceAnalyzer analyzer) {
        buildTopology(builder, config, analyzer, AlignedCropper.INSTANCE, Metrics.registry());
    }

    public static void buildTopology(StreamsBuilder builder, DetectorConfig config, FaceAnalyzer analyzer,
                                     FaceCropper cropper, MeterRegistry registry) {
        DetectorMetrics metrics = new DetectorMetrics(registry);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                new JsonSerde<>(TrackerState.class)));
        KStream<String, byte[]> frames = builder.stream(Topics.FRAMES.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("frames"));
        KStream<String, Outcome<Face>> out = frames.process(
                () -> new FrameProcessor(config, analyzer, cropper, metrics), Named.as("detect-align-gate-track"), STORE);
        Outcome.split(out, "detector-", "faces").to(Topics.FACES.name(), Topics.FACES.produced());
    }
}
