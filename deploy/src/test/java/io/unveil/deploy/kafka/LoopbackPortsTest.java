package io.unveil.deploy.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {
    @Test
    void portsAreFreeDistinctAndBelowTheEphemeralRange() throws Exception {
        int low = LoopbackPorts.ephemeralLow();
        java.nio.file.Path range = java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (java.nio.file.Files.isReadable(range)) // Linux: the range must really be read, or every port comes from bind(0)
            assertEquals(Integer.parseInt(java.nio.file.Files.readAllLines(range).get(0).trim().split("\\s+")[0]), low);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int p = LoopbackPorts.free();
            assertTrue(ports.add(p), "port " + p + " handed out twice");
            if (low - LoopbackPorts.LOWEST >= 1_000) assertTrue(p >= LoopbackPorts.LOWEST && p < low, p + " not in [10000, " + low + ")");
            try (ServerSocket s = new ServerSocket(p, 0, InetAddress.getLoopbackAddress())) {
                assertEquals(p, s.getLocalPort());
                assertFalse(LoopbackPorts.bindable(p), "a bound port is not reported free");
            }
        }
    }
}
