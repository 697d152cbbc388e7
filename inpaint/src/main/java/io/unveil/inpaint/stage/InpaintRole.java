package io.unveil.inpaint.stage;

import io.unveil.core.runtime.Role;
import io.unveil.core.runtime.RoleContext;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import java.util.Arrays;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role {@code inpaint}: occlusion estimation + ID-GAN repair between {@code unveil.faces} and
 * {@code unveil.faces.repaired}. {@code --device gpu} (setting {@code inpaint.device}) makes it a GPU worker; without a
 * CUDA libtorch it logs the fallback and runs on the CPU.
 */
public final class InpaintRole implements Role {
    private static final Logger LOG = LoggerFactory.getLogger(InpaintRole.class);
    private OcclusionEstimator estimator;
    private Inpainter inpainter;

    @Override
    public String name() {
        return "inpaint";
    }

    @Override
    public void start(RoleContext ctx) {
        InpaintConfig config = InpaintConfig.from(ctx.settings());
        estimator = OcclusionEstimator.load(OcclusionEstimator.Options.DEFAULT);
        inpainter = Inpainter.load(config.device());
        OcclusionStep step = img -> estimator.estimate(java.util.List.of(img), Arrays.asList((float[]) null)).get(0)
                .toRecord(estimator.model());
        StreamsBuilder b = new StreamsBuilder();
        InpaintTopology.buildTopology(b, config, step, inpainter::repair, ctx.registry());
        ctx.startStreams(InpaintTopology.APPLICATION_ID, b.build());
        LOG.info("inpaint role: generator {} on {}, batches of up to {} faces, max wait {} ms", inpainter.model(),
                inpainter.device(), config.maxBatch(), config.maxWait().toMillis());
    }

    @Override
    public void close() {
        if (inpainter != null) inpainter.close();
        if (estimator != null) estimator.close();
    }
}
