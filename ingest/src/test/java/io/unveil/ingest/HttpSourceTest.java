package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A camera served over loopback HTTP: frames arrive, and a failing server is retried with backoff. */
@Timeout(60)
class HttpSourceTest {
    @TempDir
    static Path dir;
    static HttpServer server;
    /** /flaky.mp4 answers 503 to its first 4 requests (FFmpeg makes one or two per open). */
    static final AtomicInteger flakyCalls = new AtomicInteger();

    @BeforeAll
    static void serve() throws Exception {
        byte[] video = Files.readAllBytes(TestVideos.movingSquare(dir.resolve("cam.mp4"), 30, 320, 240, 15));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cam.mp4", ex -> {
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, video.length);
            try (var os = ex.getResponseBody()) {
                os.write(video);
            }
        });
        server.createContext("/flaky.mp4", ex -> {
            if (flakyCalls.incrementAndGet() <= 4) {
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            ex.sendResponseHeaders(200, video.length);
            try (var os = ex.getResponseBody()) {
                os.write(video);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void decodesFramesFromHttp() throws Exception {
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(30);
        CameraSpec spec = CameraSpec.of("web", url("/cam.mp4"), Settings.empty().with("ingest.fps", "0")
                .with("ingest.reconnect-initial-ms", "50").with("ingest.reconnect-max-ms", "200"));
        CameraReader r = new CameraReader(spec, sink, new IngestMetrics(reg, "web"));
        Thread t = new Thread(r);
        t.start();
        assertTrue(sink.await(30), "30 frames over HTTP, got " + sink.frames.size());
        r.close();
        assertTrue(r.awaitDone(20, TimeUnit.SECONDS));
        assertEquals(320, Images.decode(sink.frames.get(0).jpeg()).width());
    }

    @Test
    void reconnectsWithBackoffWhenTheServerFails() throws Exception {
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(10);
        CameraSpec spec = CameraSpec.of("flaky", url("/flaky.mp4"), Settings.empty().with("ingest.fps", "0")
                .with("ingest.reconnect-initial-ms", "100").with("ingest.reconnect-max-ms", "400"));
        CameraReader r = new CameraReader(spec, sink, new IngestMetrics(reg, "flaky"));
        Thread t = new Thread(r);
        long t0 = System.nanoTime();
        t.start();
        assertTrue(sink.await(30), "frames after the server recovered");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        r.close();
        assertTrue(r.awaitDone(20, TimeUnit.SECONDS));
        assertTrue(reg.get("unveil.ingest.reconnects").counter().count() >= 2, "failed opens were retried: reconnects=" + reg.get("unveil.ingest.reconnects").counter().count() + " calls=" + flakyCalls.get());
        assertTrue(ms >= 50 + 100, "waited (backoff with jitter, at least half of 100 ms then 200 ms): " + ms + " ms");
        assertTrue(flakyCalls.get() >= 5);
    }
}
