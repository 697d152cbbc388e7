package io.unveil.inpaint.stage;

import java.time.Duration;
import io.unveil.core.model.ModelLoader;
import io.unveil.core.runtime.Role;
import io.unveil.core.runtime.RoleContext;
import io.unveil.inpaint.FaceInpainter;
import io.unveil.inpaint.occlusion.FaceOcclusionModel;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code inpaint}: occlusion estimation + ID-GAN repair between {@code unveil.faces} and
 * {@code unveil.faces.repaired}. {@code --device gpu} (setting {@code inpaint.device}) makes it a GPU worker; without a
 * CUDA libtorch it logs the fallback and runs on the CPU. Its two networks come from the loaders it is given (in a
 * process, the registries of {@code inpaint.occlusion-model} and {@code inpaint.generator}).
 */
public final class InpaintRole implements Role {
    private static final Logger LOG = LoggerFactory.getLogger(InpaintRole.class);
    private final ModelLoader<? extends FaceOcclusionModel> occlusionModels;
    private final ModelLoader<? extends FaceInpainter> generators;
    private KafkaStreams streams;
    private FaceOcclusionModel estimator;
    private FaceInpainter inpainter;

    public InpaintRole(ModelLoader<? extends FaceOcclusionModel> occlusionModels, ModelLoader<? extends FaceInpainter> generators) {
        this.occlusionModels = occlusionModels;
        this.generators = generators;
    }

    @Override
    public String name() {
        return "inpaint";
    }

    @Override
    public void start(RoleContext ctx) {
        InpaintConfig config = InpaintConfig.from(ctx.settings());
        estimator = occlusionModels.load(ctx.settings());
        inpainter = generators.load(ctx.settings());
        OcclusionStep step = new EstimatorOcclusionStep(estimator);
        StreamsBuilder b = new StreamsBuilder();
        InpaintTopology.buildTopology(b, config, step, inpainter, ctx.registry());
        streams = ctx.startStreams(InpaintTopology.APPLICATION_ID, b.build());
        LOG.info("inpaint role: occlusion {}, generator {}, batches of up to {} faces, max wait {} ms", estimator.model(),
                inpainter.model(), config.maxBatch(), config.maxWait().toMillis());
    }

    @Override
    public void close() {
        // stop the stream threads before their models go away, so in-flight records finish instead of failing
        if (streams != null) streams.close(Duration.ofSeconds(20));
        if (inpainter != null) inpainter.close();
        if (estimator != null) estimator.close();
    }
}
