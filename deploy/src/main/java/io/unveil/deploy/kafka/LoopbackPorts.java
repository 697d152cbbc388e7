package io.unveil.deploy.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for brokers started later (possibly in another process). A port the kernel hands out for
 * {@code bind(0)} lies in the ephemeral range, where any outgoing connection made meanwhile (a Kafka client, another
 * broker) can take it before the server binds ("Address already in use"); ports are therefore drawn below that range.
 */
public final class LoopbackPorts {
    static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Handed out by this JVM: a cluster asks for several ports before any server binds one. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A port that is free on 127.0.0.1 now and outside the ephemeral range when the range is known. */
    public static int free() throws IOException {
        int below = ephemeralLow();
        if (below - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
                if (bindable(port) && GIVEN.add(port)) return port;
            }
        }
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** First port of the kernel's ephemeral range (Linux), or 32768 (the usual first one) when unknown. */
    static int ephemeralLow() {
        // read as a stream: Files.readString trusts the size procfs reports and returned "3" for this file
        try (var reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            String[] range = reader.readLine().trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
