package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.metrics.Health;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 5: a live camera that cannot be reached is DEGRADED once it has been unreachable longer than its
 * setting (it stayed UP forever with connected 0), its credentials never appear in the detail; a file camera that
 * ended normally is UP with "ended".
 */
class CameraHealthTest {

    @Test
    void unreachableLiveCameraBecomesDegradedWithoutShowingItsPassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CameraSpec spec = CameraSpec.of("gate", "rtsp://admin:s3cret@127.0.0.1:" + closedPort + "/stream1",
                Settings.empty().with("camera.gate.reconnect-initial-ms", "100").with("camera.gate.reconnect-max-ms", "200"));
        CameraReader reader = new CameraReader(spec, new CollectingSink(1), new IngestMetrics(new SimpleMeterRegistry(), "gate"));
        Thread t = new Thread(reader);
        t.setDaemon(true);
        t.start();
        try {
            Health early = reader.health(1500);
            assertEquals(Health.State.UP, early.state(), "within the setting it is still UP: " + early);
            Thread.sleep(2500);
            Health late = reader.health(1500);
            assertEquals(Health.State.DEGRADED, late.state(), late.toString());
            assertTrue(late.detail().contains("since"), late.detail());
            assertFalse(late.detail().contains("s3cret") || late.detail().contains("admin"), late.detail());
        } finally {
            reader.close();
            reader.awaitDone(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void fileCameraThatEndedIsUp(@TempDir Path dir) throws Exception {
        Path video = TestVideos.movingSquare(dir.resolve("v.mp4"), 10, 160, 120, 10);
        CameraSpec spec = CameraSpec.of("file", video.toString(), Settings.empty().with("ingest.fps", "0"));
        CameraReader reader = new CameraReader(spec, new CollectingSink(1), new IngestMetrics(new SimpleMeterRegistry(), "file"));
        Thread t = new Thread(reader);
        t.start();
        assertTrue(reader.awaitDone(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(reader.finished());
        Health h = reader.health(1);
        assertEquals(Health.State.UP, h.state(), h.toString());
        assertTrue(h.detail().startsWith("ended"), h.detail());
    }
}
