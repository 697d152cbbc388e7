package io.unveil.deploy.cli;

import io.unveil.deploy.bench.EndToEndBench;
import io.unveil.research.bench.BenchTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil bench e2e}: the largest number of 640x480 cameras the embedded default keeps up with. */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "Run the embedded default on N generated 640x480 cameras of real people (ascending N, stop at the first that lags);"
                + " print faces/s, capture->event p50/p99, latency growth and peak RSS.")
public final class BenchE2eCommand implements Callable<Integer> {
    @Option(names = "--cameras", split = ",", defaultValue = "1,2,4,6,8", description = "Camera counts to try, ascending (default: ${DEFAULT-VALUE}).")
    int[] cameras;
    @Option(names = "--fps", defaultValue = "10") double fps;
    @Option(names = "--window", defaultValue = "120", description = "Measured seconds per camera count (default: ${DEFAULT-VALUE}).")
    int windowSeconds;
    @Option(names = "--warmup", defaultValue = "60", description = "Seconds before measuring (model loading, first batches; default: ${DEFAULT-VALUE}).")
    int warmupSeconds;
    @Option(names = "--occluded", defaultValue = "0.5", description = "Share of people wearing an occluder (default: ${DEFAULT-VALUE}).")
    double occluded;
    @Option(names = "--enrolled", defaultValue = "0.5", description = "Share of people enrolled in the gallery before the run (default: ${DEFAULT-VALUE}).")
    double enrolled;
    @Option(names = "--max-growth-ms", defaultValue = "250") double maxGrowthMs;
    @Option(names = "--max-p99-ms", defaultValue = "500") double maxP99Ms;
    @Option(names = "--work-dir", paramLabel = "DIR") Path workDir;
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file applied to the run, as for 'unveil run --config'"
            + " (e.g. deploy/config/cpu-2-cores-4-cameras.properties); its ingest.fps, if any, is each camera's analysed frame rate.")
    Path config;
    @Option(names = "--same-video", description = "Every camera plays the same frames in sync (worst case: a new person appears on all"
            + " cameras at the same moment). Default: each camera shows the people in its own order and phase.")
    boolean sameVideo;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable).") List<String> sets = new ArrayList<>();
    @Option(names = "--markdown", paramLabel = "FILE", description = "Append the results as a markdown section to FILE.") Path markdown;

    @Override
    public Integer call() throws Exception {
        Path dir = workDir != null ? workDir : Files.createTempDirectory("unveil-bench-e2e-");
        BenchTable t = new BenchTable("End to end (unveil bench e2e)");
        EndToEndBench.run(new EndToEndBench.Options(cameras, fps, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(windowSeconds),
                occluded, enrolled, maxGrowthMs, maxP99Ms, dir.toAbsolutePath(), config, sameVideo, sets), t, System.err);
        t.print(System.out);
        if (markdown != null) t.appendTo(markdown);
        return 0;
    }
}
