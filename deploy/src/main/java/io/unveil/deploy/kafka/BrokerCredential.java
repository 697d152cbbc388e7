package io.unveil.deploy.kafka;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded broker's one SASL/PLAIN credential: user {@code unveil} and a random 256-bit password, generated at the
 * first start and kept in {@code <data-dir>/kafka-client.properties} (0600, created owner-only, never world-readable
 * even for a moment). The file is a ready Kafka client configuration: {@code kafka-console-consumer.sh
 * --consumer.config <data-dir>/kafka-client.properties} connects with it. Without it a local process can neither read
 * nor write the topics (before, any local user could tombstone an identity).
 */
public record BrokerCredential(String user, String password) {
    public static final String FILE = "kafka-client.properties";
    static final String USER = "unveil";

    /** Loads the credential under {@code dataDir}, creating it when absent. */
    static BrokerCredential loadOrCreate(Path dataDir) throws IOException {
        Path f = dataDir.resolve(FILE);
        if (Files.exists(f)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(f)) {
                p.load(in);
            }
            String password = p.getProperty("unveil.password");
            if (password == null || password.isBlank()) throw new IOException(f + " has no unveil.password: delete it to generate a new credential");
            return new BrokerCredential(p.getProperty("unveil.user", USER), password);
        }
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new BrokerCredential(USER, Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    /** Writes the client configuration for {@code bootstrap} (owner-only from creation). */
    void store(Path dataDir, String bootstrap) throws IOException {
        Path f = dataDir.resolve(FILE);
        Properties p = new Properties();
        p.putAll(clientProperties(bootstrap));
        p.put("unveil.user", user);
        p.put("unveil.password", password);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            if (PrivateFiles.posix()) Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            else Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + tmp, e);
        }
        try (var out = Files.newOutputStream(tmp)) {
            p.store(out, "embedded Unveil broker: client configuration (SASL/PLAIN). Owner-only: it grants full access to the topics");
        }
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Client properties that authenticate to the embedded broker at {@code bootstrap}. */
    public Map<String, String> clientProperties(String bootstrap) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrap);
        p.putAll(securityProperties());
        return p;
    }

    /** The security part only: what every client needs besides the address. */
    public Map<String, String> securityProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", loginModule(false));
        return p;
    }

    /**
     * The JAAS line: the client side (username/password) and, for the broker's listeners, the accepted user
     * ({@code user_<name>="<password>"}).
     */
    String loginModule(boolean broker) {
        String client = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\"" + password + "\"";
        return (broker ? client + " user_" + user + "=\"" + password + "\"" : client) + ";";
    }

    @Override
    public String toString() {
        return "BrokerCredential[user=" + user + ", password=***]"; // never in a log line
    }
}
