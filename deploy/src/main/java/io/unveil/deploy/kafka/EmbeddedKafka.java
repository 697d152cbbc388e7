package io.unveil.deploy.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.unveil.core.config.Settings;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (broker and controller in this JVM) for {@code unveil run} without {@code --bootstrap},
 * the demo and integration tests. The log directory is formatted once and reused on restart; the ports are kept in
 * {@code unveil-broker.properties} beside the data so clients and committed offsets survive a restart.
 * <p>
 * Both listeners (clients and controller, loopback only) require SASL/PLAIN with the {@link BrokerCredential} kept
 * 0600 in {@code kafka-client.properties}: a local process without it cannot read or write a topic. A data folder from
 * before (PLAINTEXT listeners) is switched over at its next start; only the listeners' security changes.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path dataDir;
    private final int port;
    private final BrokerCredential credential;
    private final KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int port, BrokerCredential credential, KafkaRaftServer server) {
        this.dataDir = dataDir;
        this.port = port;
        this.credential = credential;
        this.server = server;
    }

    /** Starts the broker with data under {@code dataDir/kafka} (created and formatted when new). */
    public static EmbeddedKafka start(Path dataDir) {
        try {
            Path dir = dataDir.toAbsolutePath();
            Path logs = dir.resolve("kafka");
            Files.createDirectories(logs);
            PrivateFiles.tighten(dir); // 0700 folders, 0600 files: the gallery's names and centroids live here
            Path cfgFile = dir.resolve("unveil-broker.properties");
            Properties props = Files.exists(cfgFile) ? load(cfgFile) : fresh(logs);
            if (!Files.exists(cfgFile)) {
                try (var out = Files.newOutputStream(cfgFile)) {
                    props.store(out, "embedded Unveil broker: ports and cluster id are kept so restarts reuse the data");
                }
            }
            BrokerCredential credential = BrokerCredential.loadOrCreate(dir);
            int port = Integer.parseInt(props.getProperty("unveil.port"));
            credential.store(dir, "127.0.0.1:" + port);
            Properties serverProps = serverProperties(props, credential);
            if (!Files.exists(logs.resolve("meta.properties"))) format(props, serverProps);
            PrivateFiles.tighten(dir);
            long t0 = System.nanoTime();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(serverProps, false), Time.SYSTEM);
            server.startup();
            try {
                PrivateFiles.tighten(dir); // files the start-up created
            } catch (IOException | RuntimeException e) {
                // never leave a started broker behind a failed start: nobody could close it
                server.shutdown();
                server.awaitShutdown();
                throw e;
            }
            LOG.info("embedded Kafka on 127.0.0.1:{} (SASL/PLAIN, client configuration {}) ready in {} ms (data {})", port,
                    dir.resolve(BrokerCredential.FILE), (System.nanoTime() - t0) / 1_000_000, logs);
            return new EmbeddedKafka(dir, port, credential, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Kafka under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static Properties fresh(Path logs) throws IOException {
        int port = LoopbackPorts.free(), controllerPort = LoopbackPorts.free();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("log.dirs", logs.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("message.max.bytes", Integer.toString(8 << 20));
        p.put("auto.create.topics.enable", "false");
        p.put("unveil.port", Integer.toString(port));
        p.put("unveil.cluster.id", Uuid.randomUuid().toString());
        return p;
    }

    /**
     * The broker's configuration: the stored one (ports, cluster id) with SASL/PLAIN on both loopback listeners. The
     * listener settings are derived at every start, so a folder written before authentication existed (its file
     * names PLAINTEXT listeners) starts authenticated too.
     */
    static Properties serverProperties(Properties stored, BrokerCredential credential) {
        Properties p = new Properties();
        p.putAll(stored);
        p.remove("unveil.cluster.id");
        p.remove("unveil.port");
        String port = stored.getProperty("unveil.port");
        String voters = stored.getProperty("controller.quorum.voters");
        String controllerPort = voters.substring(voters.lastIndexOf(':') + 1);
        p.put("listeners", "CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "CLIENT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "CLIENT");
        p.put("sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        // the controller listener too: Admin clients can reach a KRaft controller directly (bootstrap.controllers)
        p.put("listener.name.client.plain.sasl.jaas.config", credential.loginModule(true));
        p.put("listener.name.controller.plain.sasl.jaas.config", credential.loginModule(true));
        // Kafka looks for segments past their retention every 5 minutes by default: at one camera's 48 MB/min that is
        // 240 MB more on disk than retention allows; each minute bounds it to 48 MB, and the check is a cheap scan
        p.putIfAbsent("log.retention.check.interval.ms", "60000");
        return p;
    }

    private static void format(Properties props, Properties serverProps) throws IOException {
        Path serverCfg = Files.createTempFile("unveil-kraft-", ".properties");
        try {
            // holds the credential: createTempFile makes it owner-only (0600) on POSIX file systems
            try (var out = Files.newOutputStream(serverCfg)) {
                serverProps.store(out, null);
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[]{"format", "-t", props.getProperty("unveil.cluster.id"),
                    "-c", serverCfg.toString(), "--ignore-formatted"}, new PrintStream(buf, true, StandardCharsets.UTF_8));
            if (rc != 0) throw new IOException("kafka storage format failed (" + rc + "): " + buf.toString(StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(serverCfg);
        }
    }

    private static Properties load(Path f) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(f)) {
            p.load(in);
        }
        return p;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** A Kafka client configuration that reaches this broker: address and credential. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(credential.clientProperties(bootstrap()));
        return p;
    }

    /**
     * {@code settings} with the credential as {@code kafka.*} settings, which {@code RoleContext} passes to every
     * client it configures (Streams, producers, consumers, admin). They replace the user's own {@code kafka.} security
     * settings: against this broker only this credential works.
     */
    public Settings withCredential(Settings settings) {
        Settings s = settings;
        for (Map.Entry<String, String> e : credential.securityProperties().entrySet()) s = s.with("kafka." + e.getKey(), e.getValue());
        return s;
    }

    /** Where the client configuration (with the credential) is kept. */
    public Path clientConfigFile() {
        return dataDir.resolve(BrokerCredential.FILE);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
