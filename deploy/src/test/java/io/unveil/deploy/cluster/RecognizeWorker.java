package io.unveil.deploy.cluster;

import io.unveil.core.runtime.RoleContext;
import io.unveil.recognize.stage.RecognizeConfig;
import io.unveil.recognize.stage.RecognizeTopology;
import io.unveil.recognize.testing.PatternEmbedder;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * A recognize worker process for the fault tests: the production {@link RecognizeTopology} (faces.repaired ->
 * events, with its track-fusion and unknown-cluster state stores) started through {@link RoleContext} like the real
 * role, with the pattern embedder standing in for the face network so the test stays CPU-light.
 * Usage: {@code RecognizeWorker BOOTSTRAP APP_ID STATE_DIR}.
 */
public final class RecognizeWorker {
    private RecognizeWorker() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], appId = args[1];
        Path state = Path.of(args[2]);
        WorkerProcess.run("RecognizeWorker", bootstrap, appId, state, ctx -> {
            StreamsBuilder b = new StreamsBuilder();
            RecognizeTopology.buildTopology(b, RecognizeConfig.withThreshold(0.8f, "cluster-test")
                    .withIdleTimeout(Duration.ofSeconds(2)), new PatternEmbedder(), ctx.registry());
            return b.build();
        });
    }
}
