package io.unveil.inpaint.stage;

import io.unveil.core.model.ModelLoader;
import io.unveil.core.runtime.AbstractRole;
import io.unveil.core.runtime.RoleContext;
import io.unveil.inpaint.FaceInpainter;
import io.unveil.inpaint.occlusion.FaceOcclusionModel;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code inpaint}: occlusion estimation + ID-GAN repair between {@code unveil.faces} and
 * {@code unveil.faces.repaired}. {@code --device gpu} (setting {@code inpaint.device}) makes it a GPU worker; without a
 * CUDA libtorch it logs the fallback and runs on the CPU. Its two networks come from the loaders it is given (in a
 * process, the registries of {@code inpaint.occlusion-model} and {@code inpaint.generator}).
 */
public final class InpaintRole extends AbstractRole {
    private static final Logger LOG = LoggerFactory.getLogger(InpaintRole.class);
    private final ModelLoader<? extends FaceOcclusionModel> occlusionModels;
    private final ModelLoader<? extends FaceInpainter> generators;

    public InpaintRole(ModelLoader<? extends FaceOcclusionModel> occlusionModels, ModelLoader<? extends FaceInpainter> generators) {
        super("inpaint");
        this.occlusionModels = occlusionModels;
        this.generators = generators;
    }

    @Override
    protected void open(RoleContext ctx) {
        InpaintConfig config = InpaintConfig.from(ctx.settings());
        // registered in load order: closed in reverse, after the stream threads stop (in-flight records finish)
        FaceOcclusionModel estimator = closeOnStop(occlusionModels.load(ctx.settings()));
        // inpaint.repair=false: estimate only; the generator is never loaded (its memory and start-up time saved)
        FaceInpainter inpainter = config.repair() ? closeOnStop(generators.load(ctx.settings())) : null;
        OcclusionStep step = new EstimatorOcclusionStep(estimator);
        StreamsBuilder b = new StreamsBuilder();
        Repairer repairer = inpainter != null ? inpainter : (faces, masks) -> {
            throw new IllegalStateException("inpaint.repair=false: nothing is repaired");
        };
        InpaintTopology.buildTopology(b, config, step, repairer, ctx.registry());
        startStreams(ctx, InpaintTopology.APPLICATION_ID, b.build());
        LOG.info("inpaint role: occlusion {}, generator {}, batches of up to {} faces, max wait {} ms", estimator.model(),
                inpainter != null ? inpainter.model() : "none (inpaint.repair=false)", config.maxBatch(), config.maxWait().toMillis());
    }
}
