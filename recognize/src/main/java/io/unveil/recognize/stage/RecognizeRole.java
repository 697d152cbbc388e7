package io.unveil.recognize.stage;

import io.unveil.core.model.ModelLoader;
import io.unveil.core.runtime.AbstractRole;
import io.unveil.core.runtime.KafkaDeadLetterSink;
import io.unveil.core.runtime.RoleContext;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.match.GalleryIndex;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code recognize}: the recognition topology (faces -> embedding -> gallery match -> fused track decision ->
 * unveil.events) as the Streams application {@code unveil-recognize}, with the embedder its loader gives (in a process,
 * the registry of {@code recognize.model}: the pretrained face-api recognizer).
 */
public final class RecognizeRole extends AbstractRole {
    private static final Logger LOG = LoggerFactory.getLogger(RecognizeRole.class);
    private final ModelLoader<? extends Embedder> embedders;

    public RecognizeRole(ModelLoader<? extends Embedder> embedders) {
        super("recognize");
        this.embedders = embedders;
    }

    @Override
    protected void open(RoleContext ctx) {
        RecognizeConfig cfg = RecognizeConfig.from(ctx.settings());
        Embedder embedder = closeOnStop(embedders.load(ctx.settings()));
        // poison records of unveil.gallery are dead-lettered by the global store's reader, outside the Streams transaction
        KafkaDeadLetterSink deadLetters = closeOnStop(new KafkaDeadLetterSink(ctx.producerProperties("unveil-recognize-dlq"), "recognize-gallery"));
        StreamsBuilder b = new StreamsBuilder();
        GalleryIndex index = RecognizeTopology.buildTopology(b, cfg, embedder, ctx.registry(), deadLetters);
        startStreams(ctx, ctx.settings().get(RecognizeSettings.APPLICATION_ID), b.build());
        LOG.info("recognize: {}, input {}, thresholds {} ({}), occlusion-matched centroids {}, gallery {} identities at start",
                embedder.model(), cfg.inputTopic(), cfg.schedule(), cfg.thresholdSource(), cfg.occlusionCentroids() ? "on" : "off",
                index.size());
    }
}
