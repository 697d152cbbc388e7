package io.unveil.recognize.role;

import java.time.Duration;
import io.unveil.core.runtime.KafkaDeadLetterSink;
import io.unveil.core.runtime.Role;
import io.unveil.core.runtime.RoleContext;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.match.GalleryIndex;
import io.unveil.recognize.stream.RecognizeConfig;
import io.unveil.recognize.stream.RecognizeTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code recognize}: the recognition topology (faces -> embedding -> gallery match -> fused track decision ->
 * unveil.events) with the pretrained face-api recognizer, as the Streams application {@code unveil-recognize}.
 */
public final class RecognizeRole implements Role {
    private static final Logger log = LoggerFactory.getLogger(RecognizeRole.class);
    private KafkaStreams streams;
    private Embedder embedder;
    private KafkaDeadLetterSink deadLetters;

    @Override
    public String name() {
        return "recognize";
    }

    @Override
    public void start(RoleContext ctx) {
        RecognizeConfig cfg = RecognizeConfig.from(ctx.settings());
        embedder = FaceApiEmbedder.load();
        StreamsBuilder b = new StreamsBuilder();
        deadLetters = new KafkaDeadLetterSink(ctx.producerProperties("unveil-recognize-dlq"), "recognize-gallery");
        GalleryIndex index = RecognizeTopology.buildTopology(b, cfg, embedder, ctx.registry(), deadLetters);
        streams = ctx.startStreams(ctx.settings().string("recognize.application-id", "unveil-recognize"), b.build());
        log.info("recognize: input {}, threshold {} ({}), gallery {} identities at start", cfg.inputTopic(),
                cfg.threshold(), cfg.thresholdSource(), index.size());
    }

    @Override
    public void close() {
        // stop the stream threads before their models go away, so in-flight records finish instead of failing
        if (streams != null) streams.close(Duration.ofSeconds(20));
        if (embedder != null) embedder.close();
        if (deadLetters != null) deadLetters.close();
    }
}
