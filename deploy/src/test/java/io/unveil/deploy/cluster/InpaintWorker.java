package io.unveil.deploy.cluster;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Occlusion;
import io.unveil.core.runtime.RoleContext;
import io.unveil.inpaint.stage.InpaintConfig;
import io.unveil.inpaint.stage.InpaintTopology;
import io.unveil.inpaint.stage.OcclusionStep;
import io.unveil.inpaint.stage.Repairer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * An inpaint worker process for the fault tests: the production {@link InpaintTopology} (faces -> faces.repaired, with
 * its batching state store: max batch 8, max wait 200 ms) started through {@link RoleContext}, with light stand-ins
 * for the two networks (a face is occluded when its top-left pixel is red; the repair paints the hole grey).
 * Usage: {@code InpaintWorker BOOTSTRAP APP_ID STATE_DIR}.
 */
public final class InpaintWorker {
    private InpaintWorker() {
    }

    static final OcclusionStep OCCLUSION = (img, landmarks) -> {
        boolean occluded = img.r(0, 0) > 200 && img.g(0, 0) < 50;
        byte[] m = new byte[128 * 128 * 3];
        if (occluded) for (int i = 0; i < 64 * 128 * 3; i++) m[i] = (byte) 255;
        return new Occlusion(Images.encodePng(new RgbImage(128, 128, m)), occluded ? 0.5f : 0f, 0, 0, 0, occluded, "test");
    };

    static final Repairer GREY = (faces, masks) -> {
        List<RgbImage> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            byte[] d = faces.get(i).data().clone();
            for (int p = 0; p < masks.get(i).length; p++) if (masks.get(i)[p] > 0.5f) d[3 * p] = d[3 * p + 1] = d[3 * p + 2] = 77;
            out.add(new RgbImage(128, 128, d));
        }
        return out;
    };

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], appId = args[1];
        Path state = Path.of(args[2]);
        WorkerProcess.run("InpaintWorker", bootstrap, appId, state, ctx -> {
            StreamsBuilder b = new StreamsBuilder();
            InpaintTopology.buildTopology(b, new InpaintConfig(8, Duration.ofMillis(200), "cpu"), OCCLUSION, GREY, ctx.registry());
            return b.build();
        });
    }
}
