package io.unveil.inpaint.stage;

import io.micrometer.core.instrument.MeterRegistry;
import io.unveil.core.record.Face;
import io.unveil.core.runtime.Outcome;
import io.unveil.core.serde.JsonSerde;
import io.unveil.core.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The inpaint stage: {@code unveil.faces} (raw bytes, so garbage can be dead-lettered) -> occlusion estimate (unless
 * the face already carries one) -> unoccluded faces pass straight on; occluded faces wait in the changelogged batch
 * store {@value #STORE} until {@code maxBatch} are there or the oldest waited {@code maxWait}, are repaired in one
 * generator call, and leave with the repaired FACE_128 PNG, the recognizer chip (repaired face resized to 150, valid
 * because FACE_128 is the CHIP_150 geometry scaled) and {@code inpainted = true} -> {@code unveil.faces.repaired};
 * undecodable input -> {@code unveil.dlq}. Because the batch lives in a state store, a crash between intake and
 * flush loses nothing under exactly-once. Occluded faces can leave after later unoccluded faces of the same camera.
 */
public final class InpaintTopology {
    public static final String APPLICATION_ID = "unveil-inpaint";
    public static final String STORE = "inpaint-batch";

    private InpaintTopology() {
    }

    public static void buildTopology(StreamsBuilder builder, InpaintConfig config, OcclusionStep occlusion,
                                     Repairer repairer, MeterRegistry registry) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
                new JsonSerde<>(Pending.class)));
        KStream<String, byte[]> faces = builder.stream(Topics.FACES.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("faces"));
        KStream<String, Outcome<Face>> out = faces.process(
                () -> new InpaintProcessor(config, occlusion, repairer, new InpaintMetrics(registry)),
                Named.as("occlusion-inpaint"), STORE);
        Outcome.split(out, "inpaint-", "repaired").to(Topics.FACES_REPAIRED.name(), Topics.FACES_REPAIRED.produced());
    }
}
