package io.unveil.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issue 25 item 4: clients that never finish their request (slowloris) do not delay /health or /metrics. */
class MetricsServerTest {
    private static final Logger log = LoggerFactory.getLogger(MetricsServerTest.class);

    @Test
    void healthAnswersWithinASecondWhileSlowClientsHoldConnections() throws Exception {
        try (MetricsServer server = new MetricsServer("127.0.0.1", 0)) {
            server.addCheck("test", () -> true);
            List<Socket> slow = new ArrayList<>();
            try {
                // 50 connections, each sending half a request line and headers and then nothing
                for (int i = 0; i < 50; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    OutputStream o = s.getOutputStream();
                    o.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                    slow.add(s);
                }
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
                long worst = 0;
                for (String path : List.of("/health", "/metrics", "/health")) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                            .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    worst = Math.max(worst, ms);
                    assertEquals(200, r.statusCode(), path + ": " + r.body());
                }
                log.info("with 50 slowloris connections open, worst /health or /metrics latency {} ms", worst);
                assertTrue(worst < 1000, "worst latency " + worst + " ms");
            } finally {
                for (Socket s : slow) s.close();
            }
        }
    }

    @Test
    void aStalledConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (MetricsServer server = new MetricsServer("127.0.0.1", 0);
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("GET /health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout((int) MetricsServer.IDLE_TIMEOUT_MS + 5000);
            long t0 = System.nanoTime();
            int read = s.getInputStream().read(new byte[4096]);
            while (read > 0) read = s.getInputStream().read(new byte[4096]); // a 408/400 answer may come first
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < MetricsServer.IDLE_TIMEOUT_MS + 3000, "closed after " + ms + " ms");
        }
    }
}
