package io.unveil.deploy.cluster;

import io.unveil.core.topic.Topic;
import io.unveil.core.topic.Topics;
import io.unveil.deploy.kafka.LoopbackPorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real multi-broker KRaft Kafka cluster on 127.0.0.1, each node (broker + controller) a separate JVM running
 * {@code kafka.Kafka server.properties} from this class path, everything under one folder:
 * <pre>
 *   cluster.properties        cluster id and ports (kept, so restarts reuse data and addresses)
 *   broker-N/server.properties, broker-N/data/, broker-N/pid, broker-N/out.log
 *   role-NAME/pid, role-NAME/out.log, role-NAME/data/   (workers started by {@link #startRole})
 * </pre>
 * Durability: replication factor 3, min.insync.replicas 2, transaction state log 3/2, so exactly-once v2 producers and
 * Streams applications keep their guarantees through the loss of one broker.
 */
public final class LocalCluster {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    public static final String ROLE_MAIN = "io.unveil.deploy.Unveil";

    private final Path dir;
    private final int brokers;
    private final Properties meta;

    private LocalCluster(Path dir, Properties meta) {
        this.dir = dir.toAbsolutePath();
        this.meta = meta;
        this.brokers = Integer.parseInt(meta.getProperty("brokers"));
    }

    /** Opens the cluster folder, creating its configuration (fresh cluster id, free loopback ports) when new. */
    public static LocalCluster open(Path dir, int brokers) {
        try {
            Path abs = dir.toAbsolutePath();
            Files.createDirectories(abs);
            Path metaFile = abs.resolve("cluster.properties");
            Properties meta = new Properties();
            if (Files.exists(metaFile)) {
                try (var in = Files.newInputStream(metaFile)) {
                    meta.load(in);
                }
            } else {
                if (brokers < 3) throw new IllegalArgumentException("a durable cluster needs at least 3 brokers, got " + brokers);
                meta.setProperty("cluster.id", Uuid.randomUuid().toString());
                meta.setProperty("brokers", Integer.toString(brokers));
                for (int i = 1; i <= brokers; i++) {
                    meta.setProperty("broker." + i + ".port", Integer.toString(LoopbackPorts.free()));
                    meta.setProperty("controller." + i + ".port", Integer.toString(LoopbackPorts.free()));
                }
                try (var out = Files.newOutputStream(metaFile)) {
                    meta.store(out, "unveil local cluster: id and ports, kept across restarts");
                }
            }
            return new LocalCluster(abs, meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open cluster folder " + dir, e);
        }
    }

    /** An existing cluster folder (for down/status). */
    public static LocalCluster existing(Path dir) {
        if (!Files.exists(dir.resolve("cluster.properties")))
            throw new IllegalArgumentException("no cluster in " + dir.toAbsolutePath() + " (run `unveil cluster up` first)");
        return open(dir, 0);
    }

    public Path dir() {
        return dir;
    }

    public int brokers() {
        return brokers;
    }

    public String bootstrap() {
        return IntStream.rangeClosed(1, brokers).mapToObj(i -> "127.0.0.1:" + port(i)).collect(Collectors.joining(","));
    }

    public int port(int broker) {
        return Integer.parseInt(meta.getProperty("broker." + broker + ".port"));
    }

    public ManagedProcess broker(int i) {
        return new ManagedProcess(dir.resolve("broker-" + i));
    }

    public ManagedProcess role(String name) {
        return new ManagedProcess(dir.resolve("role-" + name));
    }

    /** Role process folders present (started at some point). */
    public List<String> roles() {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("role-")).map(n -> n.substring(5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Properties serverProperties(int i) {
        String voters = IntStream.rangeClosed(1, brokers)
                .mapToObj(n -> n + "@127.0.0.1:" + meta.getProperty("controller." + n + ".port")).collect(Collectors.joining(","));
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(i));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port(i) + ",CONTROLLER://127.0.0.1:" + meta.getProperty("controller." + i + ".port"));
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port(i));
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", broker(i).dir().resolve("data").toString());
        p.put("num.partitions", "6");
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        p.put("offsets.topic.replication.factor", "3");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "3");
        p.put("share.coordinator.state.topic.min.isr", "2");
        p.put("unclean.leader.election.enable", "false");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("message.max.bytes", Integer.toString(8 << 20));
        p.put("replica.fetch.max.bytes", Integer.toString(8 << 20));
        // Small machines: fewer threads per broker.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        return p;
    }

    /** Writes server.properties and formats the storage of every broker that has none yet. */
    public void format() {
        for (int i = 1; i <= brokers; i++) {
            Path bdir = broker(i).dir();
            Path cfg = bdir.resolve("server.properties");
            try {
                Files.createDirectories(bdir.resolve("data"));
                try (var out = Files.newOutputStream(cfg)) {
                    serverProperties(i).store(out, "unveil local cluster node " + i);
                }
                if (Files.exists(bdir.resolve("data").resolve("meta.properties"))) continue;
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                int rc = StorageTool.execute(new String[]{"format", "-t", meta.getProperty("cluster.id"), "-c", cfg.toString(),
                        "--ignore-formatted"}, new PrintStream(buf, true, StandardCharsets.UTF_8));
                if (rc != 0) throw new IllegalStateException("formatting broker " + i + " failed (" + rc + "): " + buf);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare broker " + i, e);
            }
        }
    }

    /** Starts broker {@code i} (no-op when it already runs). */
    public void startBroker(int i, String heap) {
        if (broker(i).alive().isPresent()) return;
        broker(i).start(List.of("-Xms128m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true"),
                JavaClasspath.current(), "kafka.Kafka", List.of(broker(i).dir().resolve("server.properties").toString()));
    }

    /** Formats when needed and starts every broker, then waits until all of them are registered. */
    public void up(String heap, Duration timeout) {
        format();
        for (int i = 1; i <= brokers; i++) startBroker(i, heap);
        awaitBrokers(brokers, timeout);
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return Admin.create(p);
    }

    /** Waits until {@code n} brokers are registered and answering. */
    public void awaitBrokers(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                for (int i = 1; i <= brokers; i++) {
                    if (broker(i).alive().isEmpty())
                        throw new IllegalStateException("broker " + i + " is not running:\n" + broker(i).tail(30));
                }
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (nodes.size() >= n) return;
                    last = nodes.size() + " of " + n + " brokers registered";
                } catch (Exception e) {
                    last = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                sleep(500);
            }
        }
        throw new IllegalStateException("cluster in " + dir + " not ready within " + timeout + ": " + last);
    }

    /**
     * Creates every topic of {@link Topics#ALL} missing so far, replication factor 3 (or the broker count if less)
     * and min.insync.replicas 2, plus any extra topics given.
     */
    public List<String> createTopics(Collection<NewTopic> extra) {
        short rf = (short) Math.min(3, brokers);
        List<NewTopic> wanted = new ArrayList<>();
        for (Topic<?, ?> t : Topics.ALL) wanted.add(t.newTopic(rf, 2));
        wanted.addAll(extra);
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics on " + bootstrap() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts one worker process for a role: {@code unveil run --roles NAME --bootstrap <cluster>} (or any main class and
     * arguments, for tests), with its state under {@code role-NAME/data}.
     */
    public void startRole(String name, String mainClass, List<String> args, List<String> jvmArgs) {
        role(name).start(jvmArgs, JavaClasspath.current(), mainClass, args);
    }

    public void startUnveilRole(String role, String instance, int metricsPort, String heap, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("run", "--roles", role, "--bootstrap", bootstrap(),
                "--replication-factor", Integer.toString(Math.min(3, brokers)),
                "--data-dir", role(instance).dir().resolve("data").toString(), "--metrics-port", Integer.toString(metricsPort)));
        args.addAll(extraArgs);
        startRole(instance, ROLE_MAIN, args, List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
    }

    /** Stops role workers first (they commit and leave their groups), then the brokers one by one. */
    public void down(Duration grace) {
        for (String r : roles()) role(r).stop(grace);
        for (int i = brokers; i >= 1; i--) broker(i).stop(grace);
    }

    /** Partition state of Unveil's topics (and any others given): leader, replicas, ISR. */
    public Map<String, TopicDescription> describe(Collection<String> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<String> present = topics.stream().filter(existing::contains).toList();
            return new TreeMap<>(admin.describeTopics(present).allTopicNames().get(15, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe topics on " + bootstrap() + ": " + e.getMessage(), e);
        }
    }

    /** min.insync.replicas of each topic, as configured on the cluster. */
    public Map<String, String> minIsr(Collection<String> topics) {
        try (Admin admin = admin()) {
            List<ConfigResource> res = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<String, String> out = new TreeMap<>();
            admin.describeConfigs(res).all().get(15, TimeUnit.SECONDS)
                    .forEach((r, cfg) -> out.put(r.name(), cfg.get("min.insync.replicas").value()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read topic configs: " + e.getMessage(), e);
        }
    }

    /** A human-readable status: processes, brokers registered, and per topic partitions, RF, min ISR and ISR. */
    public String status() {
        StringBuilder sb = new StringBuilder();
        sb.append("cluster ").append(dir).append(" (id ").append(meta.getProperty("cluster.id")).append(")\n");
        sb.append("bootstrap ").append(bootstrap()).append('\n');
        int running = 0;
        for (int i = 1; i <= brokers; i++) {
            var h = broker(i).alive();
            if (h.isPresent()) running++;
            sb.append(String.format("  broker %d  127.0.0.1:%d  %s%n", i, port(i), h.map(p -> "running pid " + p.pid()).orElse("stopped")));
        }
        for (String r : roles()) {
            sb.append(String.format("  role %-12s %s%n", r, role(r).alive().map(p -> "running pid " + p.pid()).orElse("stopped")));
        }
        if (running == 0) return sb.append("no broker running\n").toString();
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        Map<String, TopicDescription> topics = describe(names);
        Map<String, String> minIsr = minIsr(topics.keySet());
        sb.append(String.format("  %-24s %4s %3s %7s %6s  %s%n", "topic", "part", "rf", "min.isr", "under", "isr per partition"));
        for (TopicDescription d : topics.values()) {
            int rf = d.partitions().get(0).replicas().size();
            long under = d.partitions().stream().filter(p -> p.isr().size() < p.replicas().size()).count();
            String isr = d.partitions().stream().map(LocalCluster::isr).collect(Collectors.joining(" "));
            sb.append(String.format("  %-24s %4d %3d %7s %6d  %s%n", d.name(), d.partitions().size(), rf, minIsr.get(d.name()), under, isr));
        }
        for (String n : names) if (!topics.containsKey(n)) sb.append("  ").append(n).append(" missing\n");
        return sb.toString();
    }

    private static String isr(TopicPartitionInfo p) {
        return p.partition() + ":" + p.isr().stream().map(n -> Integer.toString(n.id())).collect(Collectors.joining(","));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
