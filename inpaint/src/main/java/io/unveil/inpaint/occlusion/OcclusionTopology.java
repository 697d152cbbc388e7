package io.unveil.inpaint.occlusion;

import io.unveil.core.record.Face;
import io.unveil.core.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Wires the occlusion step into a topology: {@code unveil.faces} (raw bytes) -> {@link OcclusionProcessor} -> faces
 * with occlusion (returned, for the inpainting step to route on {@code occlusion().occluded()}); dead letters go to
 * {@code unveil.dlq}.
 */
public final class OcclusionTopology {
    private OcclusionTopology() {
    }

    /** Reads {@code unveil.faces} and returns the faces with their occlusion estimate. */
    public static KStream<String, Face> faces(StreamsBuilder builder, FaceOcclusionModel model) {
        KStream<String, byte[]> in = builder.stream(Topics.FACES.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("faces-raw"));
        return attach(in, model);
    }

    /** Adds the occlusion step after a stream of raw Face JSON records. */
    public static KStream<String, Face> attach(KStream<String, byte[]> rawFaces, FaceOcclusionModel model) {
        KStream<String, OcclusionOutput> out = rawFaces.process(() -> new OcclusionProcessor(model), Named.as("occlusion"));
        var branches = out.split(Named.as("occlusion-"))
                .branch((k, v) -> v.dead() != null, Branched.<String, OcclusionOutput>withConsumer(
                        s -> s.mapValues(OcclusionOutput::dead).to(Topics.DLQ.name(), Topics.DLQ.produced())).withName("dlq"))
                .defaultBranch(Branched.<String, OcclusionOutput>as("ok"));
        return branches.get("occlusion-ok").mapValues(OcclusionOutput::face, Named.as("occlusion-face"));
    }
}
