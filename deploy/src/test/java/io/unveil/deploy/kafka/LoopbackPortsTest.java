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
