package io.unveil.deploy.cli;

import io.unveil.core.config.Settings;
import io.unveil.core.metrics.Metrics;
import io.unveil.core.model.FaceApiModels;
import io.unveil.deploy.demo.DemoVideo;
import io.unveil.deploy.demo.OutputPrinter;
import io.unveil.deploy.runtime.Pipeline;
import io.unveil.deploy.runtime.PipelineOptions;
import io.unveil.deploy.runtime.Progress;
import io.unveil.deploy.runtime.Roles;
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
 * {@code unveil demo}: on a fresh machine, with no arguments, runs the whole pipeline on a sample camera made from the
 * photos in the pinned face-api package, prints one JSON line per face and event, and exits when the sample ends.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every role with an embedded Kafka on a generated sample camera; print JSON lines; exit at its end.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "12", description = "Length of the sample video (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--fps", defaultValue = "10", description = "Frame rate of the sample video (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--camera-fps", defaultValue = "5", description = "Ingest frame-rate cap of the sample camera (default: ${DEFAULT-VALUE}).")
    double cameraFps;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep broker data and the video here (default: a temporary folder, deleted at exit).")
    Path dataDir;

    @Option(names = "--metrics-port", defaultValue = "9464", description = "Metrics port; a busy port falls back to a free one (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--timeout", defaultValue = "900", description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        FaceApiModels models = FaceApiModels.ensureDefault();
        boolean temp = dataDir == null;
        Path work = temp ? Files.createTempDirectory("unveil-demo-") : dataDir.toAbsolutePath();
        Files.createDirectories(work);
        try {
            Path video = work.resolve("sample-camera.mp4");
            int frames = DemoVideo.write(DemoVideo.samples(models), video, seconds, fps);
            System.err.printf("demo: sample camera %s (%d frames, %dx%d at %.0f fps)%n", video, frames,
                    DemoVideo.WIDTH, DemoVideo.HEIGHT, fps);
            List<String> all = new ArrayList<>();
            all.add("camera.demo.fps=" + cameraFps);
            all.addAll(sets);
            Settings settings = RunCommand.settings(null, List.of("demo=" + video), all);
            int port = portOrFree(metricsPort);
            try (Pipeline p = Pipeline.open(new PipelineOptions(Roles.names(), null, work, "127.0.0.1", port, (short) 1, settings));
                 OutputPrinter printer = new OutputPrinter(p.context().clientProperties(), System.out);
                 Progress progress = new Progress(p.context().clientProperties())) {
                System.err.printf("demo: roles %s, Kafka %s, metrics http://127.0.0.1:%d/metrics%n",
                        String.join(",", Roles.names()), p.bootstrap(), p.metricsPort());
                p.startRoles(true);
                long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
                int quietChecks = 0;
                long nextCheck = 0;
                while (quietChecks < 2) {
                    printer.poll(Duration.ofMillis(250));
                    if (System.nanoTime() > deadline) {
                        System.err.println("demo: timed out after " + timeoutSeconds + " s");
                        return 1;
                    }
                    if (System.nanoTime() < nextCheck) continue;
                    nextCheck = System.nanoTime() + 1_000_000_000L;
                    boolean done = p.inputFinished() && progress.caughtUp(p.context().streamsApps());
                    quietChecks = done ? quietChecks + 1 : 0;
                }
                printer.drain();
                System.err.printf("demo: %d video frames -> %d faces in %d tracks, %d events, %.1f s in all%n", frames,
                        printer.faces(), printer.tracks(), printer.events(), (System.nanoTime() - t0) / 1e9);
                System.err.println("demo: " + StageTimes.summary(Metrics.registry()));
            }
            return 0;
        } finally {
            if (temp) deleteTree(work);
        }
    }

    private static int portOrFree(int port) {
        if (port == 0) return 0;
        try (ServerSocket s = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            System.err.println("demo: port " + port + " is busy, serving metrics on a free port");
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
