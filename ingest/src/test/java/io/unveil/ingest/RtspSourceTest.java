package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * RTSP over TCP: the camera reader listens ({@code rtsp_flags=listen}) and a publisher in a separate JVM pushes a
 * live stream to it, as an RTSP camera would serve one.
 */
@Timeout(240)
class RtspSourceTest {
    @TempDir
    Path dir;

    @Test
    void receivesALiveRtspStreamFromAnotherProcess() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "rtsp://127.0.0.1:" + port + "/live";
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(20);
        CameraSpec spec = CameraSpec.of("gate", url, Settings.empty().with("ingest.fps", "0")
                .with("camera.gate.option.rtsp_flags", "listen").with("camera.gate.option.listen_timeout", "40"));
        CameraReader reader = new CameraReader(spec, sink, new IngestMetrics(reg, "gate"));
        Thread t = new Thread(reader);
        t.start();

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", cp,
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir", ""),
                RtspPublisher.class.getName(), url, "20");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("publisher.log").toFile());
        Process publisher = pb.start();
        try {
            assertTrue(sink.await(150), "20 frames over RTSP, got " + sink.frames.size() + "; publisher log: "
                    + java.nio.file.Files.readString(dir.resolve("publisher.log")));
        } finally {
            reader.close();
            publisher.destroy();
            publisher.waitFor(10, TimeUnit.SECONDS);
            publisher.destroyForcibly();
        }
        assertTrue(reader.awaitDone(30, TimeUnit.SECONDS));
        RgbImage img = Images.decode(sink.frames.get(5).jpeg());
        assertEquals(320, img.width());
        assertEquals(240, img.height());
        assertTrue(reg.get("unveil.ingest.frames.decoded").counter().count() >= 20);
        for (int i = 1; i < sink.frames.size(); i++)
            assertTrue(sink.frames.get(i).captureTimeMs() >= sink.frames.get(i - 1).captureTimeMs());
    }
}
