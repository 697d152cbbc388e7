package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live MJPEG camera on loopback HTTP goes away mid-stream (server stopped, connections cut) and comes back on the
 * same address: the reader reconnects within 5 s of the camera being reachable again, counts the outage and its gap,
 * and carries on numbering frames.
 */
@Timeout(90)
class CameraDropTest {
    private static final String BOUNDARY = "unveilframe";

    /** Serves multipart/x-mixed-replace JPEG frames at 10 fps until stopped. */
    private static final class MjpegCamera implements AutoCloseable {
        private final HttpServer server;
        private volatile boolean up = true;

        MjpegCamera(int port) throws IOException {
            server = bind(port);
            server.createContext("/live.mjpg", ex -> {
                ex.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace;boundary=" + BOUNDARY);
                ex.sendResponseHeaders(200, 0);
                try (OutputStream os = ex.getResponseBody()) {
                    for (int i = 0; up; i++) {
                        byte[] jpeg = Images.encodeJpeg(frame(i), 85);
                        os.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        os.write(jpeg);
                        os.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        os.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // client went away or the camera was switched off
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "mjpeg-camera");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }

        /** The port may still be in TIME_WAIT right after the previous server on it stopped: retry for a while. */
        private static HttpServer bind(int port) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                try {
                    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                } catch (BindException e) {
                    if (System.nanoTime() > deadline) throw e;
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        throw new IOException(ie);
                    }
                }
            }
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            up = false;
            server.stop(0);
        }

        private static RgbImage frame(int i) {
            byte[] rgb = new byte[160 * 120 * 3];
            for (int p = 0; p < 160 * 120; p++) {
                int x = p % 160, y = p / 160;
                rgb[3 * p] = (byte) (x + i * 7);
                rgb[3 * p + 1] = (byte) (y * 2);
                rgb[3 * p + 2] = (byte) ((x ^ y) + i);
            }
            return new RgbImage(160, 120, rgb);
        }
    }

    @Test
    void reconnectsWithin5sOfTheCameraComingBackAndCountsTheGap() throws Exception {
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(1);
        MjpegCamera camera = new MjpegCamera(0);
        int port = camera.port();
        CameraSpec spec = CameraSpec.of("door", "http://127.0.0.1:" + port + "/live.mjpg",
                Settings.empty().with("ingest.fps", "0"));
        assertEquals(4_000, spec.reconnectMaxMs(), "default backoff ceiling keeps reconnects under 5 s");
        CameraReader reader = new CameraReader(spec, sink, new IngestMetrics(reg, "door"));
        Thread t = new Thread(reader);
        t.start();
        try {
            assertTrue(waitFor(() -> sink.frames.size() >= 15, 30), "frames before the drop: " + sink.frames.size());

            camera.close();
            // stay away long enough for the backoff to reach its ceiling
            Thread.sleep(8_000);
            int beforeReturn = sink.frames.size();
            long lastBefore = sink.frames.get(beforeReturn - 1).sequence();

            camera = new MjpegCamera(port);
            long back = System.nanoTime();
            assertTrue(waitFor(() -> sink.frames.size() > beforeReturn, 15), "no frame after the camera came back");
            double reconnectS = (System.nanoTime() - back) / 1e9;
            assertTrue(reconnectS < 5, "reconnected " + reconnectS + " s after the camera came back");

            assertTrue(waitFor(() -> sink.frames.size() >= beforeReturn + 10, 30), "carries on after reconnecting");
            Frame first = sink.frames.get(beforeReturn);
            assertEquals(lastBefore + 1, first.sequence(), "frame numbering continues across the outage");
            assertEquals(1.0, reg.get("unveil.ingest.outages").counter().count(), "one outage counted");
            var gap = reg.get("unveil.ingest.outage").timer();
            assertEquals(1, gap.count());
            double gapS = gap.totalTime(TimeUnit.SECONDS);
            assertTrue(gapS >= 8 && gapS < 8 + 5 + 2, "gap " + gapS + " s spans the 8 s outage plus the reconnect");
            assertTrue(reg.get("unveil.ingest.reconnects").counter().count() >= 2, "retried while the camera was away");
        } finally {
            reader.close();
            camera.close();
        }
        assertTrue(reader.awaitDone(20, TimeUnit.SECONDS));
    }

    private static boolean waitFor(java.util.function.BooleanSupplier cond, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (cond.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return cond.getAsBoolean();
    }
}
