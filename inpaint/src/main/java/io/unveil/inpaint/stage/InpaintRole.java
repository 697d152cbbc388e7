package io.unveil.inpaint.stage;

import io.unveil.core.runtime.AbstractRole;
import io.unveil.core.runtime.RoleContext;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code inpaint}: occlusion estimation + ID-GAN repair between {@code unveil.faces} and
 * {@code unveil.faces.repaired}. {@code --device gpu} (setting {@code inpaint.device}) makes it a GPU worker; without a
 * CUDA libtorch it logs the fallback and runs on the CPU.
 */
public final class InpaintRole extends AbstractRole {
    private static final Logger LOG = LoggerFactory.getLogger(InpaintRole.class);

    public InpaintRole() {
        super("inpaint");
    }

    @Override
    protected void open(RoleContext ctx) {
        InpaintConfig config = InpaintConfig.from(ctx.settings());
        OcclusionEstimator estimator = OcclusionEstimator.load(OcclusionEstimator.Options.DEFAULT);
        closeOnStop(estimator);
        Inpainter inpainter = Inpainter.load(config.device());
        closeOnStop(inpainter);
        OcclusionStep step = new EstimatorOcclusionStep(estimator);
        StreamsBuilder b = new StreamsBuilder();
        InpaintTopology.buildTopology(b, config, step, inpainter::repair, ctx.registry());
        startStreams(ctx, InpaintTopology.APPLICATION_ID, b.build());
        LOG.info("inpaint role: generator {} on {}, batches of up to {} faces, max wait {} ms", inpainter.model(),
                inpainter.device(), config.maxBatch(), config.maxWait().toMillis());
    }
}
