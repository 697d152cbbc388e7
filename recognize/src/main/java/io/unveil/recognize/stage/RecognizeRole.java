package io.unveil.recognize.stage;

import io.unveil.core.runtime.AbstractRole;
import io.unveil.core.runtime.RoleContext;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.match.GalleryIndex;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code recognize}: the recognition topology (faces -> embedding -> gallery match -> fused track decision ->
 * unveil.events) with the pretrained face-api recognizer, as the Streams application {@code unveil-recognize}.
 */
public final class RecognizeRole extends AbstractRole {
    private static final Logger LOG = LoggerFactory.getLogger(RecognizeRole.class);

    public RecognizeRole() {
        super("recognize");
    }

    @Override
    protected void open(RoleContext ctx) {
        RecognizeConfig cfg = RecognizeConfig.from(ctx.settings());
        Embedder embedder = FaceApiEmbedder.load();
        closeOnStop(embedder);
        StreamsBuilder b = new StreamsBuilder();
        GalleryIndex index = RecognizeTopology.buildTopology(b, cfg, embedder, ctx.registry());
        startStreams(ctx, ctx.settings().string("recognize.application-id", "unveil-recognize"), b.build());
        LOG.info("recognize: input {}, threshold {} ({}), gallery {} identities at start", cfg.inputTopic(),
                cfg.threshold(), cfg.thresholdSource(), index.size());
    }
}
