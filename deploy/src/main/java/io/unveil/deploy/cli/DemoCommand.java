package io.unveil.deploy.cli;

import io.unveil.core.metrics.Metrics;
import io.unveil.deploy.demo.DemoRun;
import io.unveil.deploy.demo.DemoSummary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unveil demo}: on a fresh machine, with no arguments, enrolls four people of the photos in the pinned face-api
 * package, runs the whole pipeline on a sample camera that shows them plain and masked and two strangers, prints one
 * JSON line per face and event, then what each shot was called, and exits (or, with {@code --stay}, keeps the page up).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Enroll sample people, run every role with an embedded Kafka on a camera that shows them plain, masked and strangers;"
                + " print JSON lines and who was named; exit at its end (--stay keeps the page up).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--show-seconds", defaultValue = "2", description = "Seconds each shot is on camera (default: ${DEFAULT-VALUE}).")
    double showSeconds;

    @Option(names = "--strangers", defaultValue = "2", description = "People shown who are not enrolled, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int strangers;

    @Option(names = "--fps", defaultValue = "10", description = "Frame rate of the sample video (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--camera-fps", defaultValue = "5", description = "Ingest frame-rate cap of the sample camera (default: ${DEFAULT-VALUE}).")
    double cameraFps;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep broker data and the video here (default: a temporary folder, deleted at exit).")
    Path dataDir;

    @Option(names = "--metrics-port", defaultValue = "9464", description = "Metrics port; a busy port falls back to a free one (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the page and API; a busy port falls back to a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--stay", description = "Keep the pipeline and the page running after the video, until Ctrl-C (to look at the page).")
    boolean stay;

    @Option(names = "--timeout", defaultValue = "900", description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (strangers < 1 || strangers > 2) throw new IllegalArgumentException("--strangers must be 1 or 2 (the sample photos hold 6 people, 4 enrolled)");
        long t0 = System.nanoTime();
        RunCommand.settings(null, List.of(DemoRun.CAMERA + "=sample-camera.mp4"), sets); // a bad --set: one line before anything else
        boolean temp = dataDir == null;
        Path work = temp ? Files.createTempDirectory("unveil-demo-") : dataDir.toAbsolutePath();
        // --stay ends with Ctrl-C, which skips the finally below: the temporary folder goes with the JVM
        if (temp && stay) Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work), "demo-cleanup"));
        try {
            DemoRun.Options o = new DemoRun.Options(fps, cameraFps, showSeconds, strangers, portOrFree(port, "page"), portOrFree(metricsPort, "metrics"),
                    work, sets, Duration.ofSeconds(timeoutSeconds));
            DemoRun.run(o, System.out, System.err, r -> {
                DemoSummary.print(r, System.err);
                System.err.printf("demo: %d video frames -> %d faces, %d events, %.1f s in all%n", r.frames(), r.recording().faces().size(),
                        r.recording().events().size(), (System.nanoTime() - t0) / 1e9);
                System.err.println("demo: stage times: " + StageTimes.summary(Metrics.registry()));
                if (r.pageUrl() == null) return;
                System.err.printf("demo: open %s in a browser and paste the API key (%s) into its key field%s%n", r.pageUrl(), r.keyWhere(),
                        stay ? "; Ctrl-C stops" : "; run `unveil demo --stay` to keep it up after the video");
                if (stay) Thread.sleep(Long.MAX_VALUE);
            });
            return 0;
        } finally {
            if (temp) deleteTree(work);
        }
    }

    private static int portOrFree(int port, String what) {
        if (port == 0) return 0;
        try (ServerSocket s = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            System.err.println("demo: port " + port + " is busy, serving the " + what + " on a free port");
            return 0;
        }
    }

    /** Deletes a temporary folder and everything in it (best effort). */
    public static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temporary folder
        }
    }
}
