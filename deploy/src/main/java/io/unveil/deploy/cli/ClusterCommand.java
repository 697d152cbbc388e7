package io.unveil.deploy.cli;

import io.unveil.deploy.cluster.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code unveil cluster up|down|status}: a real 3-broker KRaft Kafka on 127.0.0.1, each broker its own JVM, plus
 * optionally one worker process per role ({@code unveil run --roles R --bootstrap <cluster>}).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Run a local multi-broker KRaft Kafka cluster (separate processes) and role workers on it.",
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Down.class, ClusterCommand.Status.class})
public final class ClusterCommand implements Callable<Integer> {
    // INHERIT: `cluster status --dir X` works as well as `cluster --dir X status`
    @Option(names = "--dir", scope = picocli.CommandLine.ScopeType.INHERIT, defaultValue = "unveil-cluster", description = "Cluster folder: configs, data, pid files, logs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() {
        System.err.println("usage: unveil cluster up|down|status [--dir DIR]");
        return 2;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Format (once) and start the brokers, create Unveil's topics (RF 3, min.insync.replicas 2), start role workers.")
    static final class Up implements Callable<Integer> {
        @ParentCommand
        ClusterCommand parent;

        @Option(names = "--brokers", defaultValue = "3", description = "Brokers (each also a KRaft controller); at least 3 (default: ${DEFAULT-VALUE}).")
        int brokers;

        @Option(names = "--broker-heap", defaultValue = "384m", description = "Heap per broker JVM (default: ${DEFAULT-VALUE}).")
        String brokerHeap;

        @Option(names = "--roles", split = ",", description = "Roles to start, one worker process each, e.g. ingest,detect,inpaint,recognize,gallery. "
                + "Repeat a role (recognize,recognize) for more workers of it: they share its consumer group.")
        List<String> roles = new ArrayList<>();

        @Option(names = "--role-heap", defaultValue = "1g", description = "Heap per role worker (default: ${DEFAULT-VALUE}).")
        String roleHeap;

        @Option(names = "--metrics-port", defaultValue = "9464", description = "Metrics port of the first worker; the next ones count up (default: ${DEFAULT-VALUE}).")
        int metricsPort;

        @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for the brokers (default: ${DEFAULT-VALUE}).")
        int timeoutS;

        @picocli.CommandLine.Parameters(description = "Extra arguments passed to every `unveil run` worker (after --).")
        List<String> extra = new ArrayList<>();

        @Override
        public Integer call() {
            LocalCluster c = LocalCluster.open(parent.dir, brokers);
            long t0 = System.nanoTime();
            c.up(brokerHeap, Duration.ofSeconds(timeoutS));
            System.out.printf("%d brokers ready in %.1f s: %s%n", c.brokers(), (System.nanoTime() - t0) / 1e9, c.bootstrap());
            List<String> created = c.createTopics(List.of());
            System.out.println(created.isEmpty() ? "topics already present" : "created topics " + created);
            int port = metricsPort;
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (String role : roles) {
                int n = seen.merge(role, 1, Integer::sum);
                String instance = n == 1 ? role : role + "-" + n;
                c.startUnveilRole(role, instance, port, roleHeap, extra);
                System.out.printf("role %s started (metrics 127.0.0.1:%d, log %s)%n", instance, port, c.role(instance).log());
                port++;
            }
            System.out.print(c.status());
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop role workers, then brokers (SIGTERM, SIGKILL after the grace period).")
    static final class Down implements Callable<Integer> {
        @ParentCommand
        ClusterCommand parent;

        @Option(names = "--grace", defaultValue = "30", description = "Seconds each process gets to stop (default: ${DEFAULT-VALUE}).")
        int graceS;

        @Option(names = "--delete", description = "Also delete the cluster folder (data, logs).")
        boolean delete;

        @Override
        public Integer call() throws Exception {
            LocalCluster c = LocalCluster.existing(parent.dir);
            c.down(Duration.ofSeconds(graceS));
            System.out.println("stopped " + c.dir());
            if (delete) {
                try (var s = java.nio.file.Files.walk(c.dir())) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                System.out.println("deleted " + c.dir());
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Brokers and workers (pid, running), topics with partitions, RF, min ISR and ISR.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        ClusterCommand parent;

        @Override
        public Integer call() {
            LocalCluster c = LocalCluster.existing(parent.dir);
            System.out.print(c.status());
            return 0;
        }
    }
}
