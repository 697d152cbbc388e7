package io.unveil.deploy.cli;

import io.unveil.core.config.Settings;
import io.unveil.deploy.demo.OutputPrinter;
import io.unveil.deploy.runtime.Pipeline;
import io.unveil.deploy.runtime.PipelineOptions;
import io.unveil.deploy.runtime.Roles;
import io.unveil.ingest.CameraSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil run}: the chosen roles in one JVM, against an embedded broker or an existing cluster. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run pipeline roles in this JVM. Without --bootstrap an embedded single-node Kafka (KRaft) "
                + "keeps its data under --data-dir.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--camera", paramLabel = "ID=URL",
            description = "A camera (repeatable): file path, http(s)://, rtsp:// or /dev/videoN.")
    List<String> cameras = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (camera.<id>.url=..., detector.min-face-px=..., kafka.*=...).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--roles", split = ",", paramLabel = "ROLE",
            description = "Roles to run, comma-separated (default: all of ${COMPLETION-CANDIDATES}).",
            completionCandidates = RoleNames.class)
    List<String> roles;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Existing Kafka cluster (default: embedded broker).")
    String bootstrap;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "unveil-data",
            description = "Embedded broker data and Streams state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--metrics-port", defaultValue = "9464", description = "Prometheus /metrics and /health port (default: ${DEFAULT-VALUE}; 0 = any).")
    int metricsPort;

    @Option(names = "--metrics-host", defaultValue = "127.0.0.1", description = "Metrics bind address (default: ${DEFAULT-VALUE}).")
    String metricsHost;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of created topics and Streams internal topics (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--print-events", description = "Print each event of unveil.events as one JSON line on stdout (as `demo` does).")
    boolean printEvents;

    static final class RoleNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Roles.names().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = settings(config, cameras, sets);
        List<String> chosen = roles;
        if (chosen == null) {
            chosen = new ArrayList<>(Roles.names());
            if (CameraSpec.fromSettings(settings).isEmpty()) {
                chosen.remove("ingest");
                System.err.println("no cameras configured (--camera ID=URL): running without role ingest");
            }
        }
        if (bootstrap == null && replicationFactor != 1) {
            System.err.println("the embedded broker has one node: using replication factor 1");
            replicationFactor = 1;
        }
        Pipeline p = Pipeline.open(new PipelineOptions(chosen, bootstrap, dataDir, metricsHost, metricsPort,
                replicationFactor, settings));
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            p.close();
            stop.countDown();
        }, "unveil-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // created before the roles start, so the first event is printed too
        OutputPrinter printer = null;
        try {
            if (printEvents) printer = new OutputPrinter(p.context().clientProperties(), System.out, false);
            p.startRoles();
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            if (printer != null) printer.close();
            p.close();
            throw e;
        }
        System.err.printf("unveil running: roles %s, Kafka %s, metrics http://%s:%d/metrics (Ctrl-C stops)%n",
                String.join(",", chosen), p.bootstrap(), metricsHost, p.metricsPort());
        if (printer == null) {
            stop.await();
            return 0;
        }
        try (OutputPrinter events = printer) {
            while (stop.getCount() > 0) events.poll(Duration.ofMillis(250));
        } catch (RuntimeException e) {
            if (stop.getCount() > 0) throw e; // a consumer error while the broker shuts down at Ctrl-C is expected
        }
        return 0;
    }

    /** Settings from the file, UNVEIL_* environment variables, cameras and --set overrides (highest priority). */
    public static Settings settings(Path config, List<String> cameras, List<String> sets) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String c : cameras) {
            String[] kv = CameraSpec.parseArg(c);
            overrides.put("camera." + kv[0] + ".url", kv[1]);
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--set expects KEY=VALUE, got '" + s + "'");
            overrides.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        Settings settings = Settings.load(config, System.getenv(), overrides);
        CameraSpec.fromSettings(settings); // validates cameras now, not later
        return settings;
    }
}
