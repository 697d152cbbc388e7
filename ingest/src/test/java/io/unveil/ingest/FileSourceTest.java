package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Frame;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FileSourceTest {
    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void makeVideo() {
        video = TestVideos.movingSquare(dir.resolve("cam.mp4"), 40, 320, 240, 20);
    }

    private static CameraReader reader(Settings s, String id, CollectingSink sink, SimpleMeterRegistry reg) {
        CameraSpec spec = CameraSpec.of(id, video.toString(), s);
        return new CameraReader(spec, sink, new IngestMetrics(reg, id));
    }

    @Test
    void readsEveryFrameOfAFileAndEndsCleanly() throws Exception {
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(0);
        CameraReader r = reader(Settings.empty().with("ingest.fps", "0"), "lobby", sink, reg);
        r.run();
        long done = System.currentTimeMillis();
        assertTrue(r.finished());
        assertEquals(null, r.failure());
        assertEquals(40, sink.frames.size());
        // 2 s of video read in a fraction of that: the file is stamped as if it had just played, never in the future
        assertTrue(sink.frames.get(39).captureTimeMs() <= done, "last frame stamped " + (sink.frames.get(39).captureTimeMs() - done) + " ms ahead");
        for (int i = 0; i < sink.frames.size(); i++) {
            Frame f = sink.frames.get(i);
            assertEquals("lobby", f.cameraId());
            assertEquals(i, f.sequence());
            if (i > 0) assertTrue(f.captureTimeMs() > sink.frames.get(i - 1).captureTimeMs(), "capture time increases");
        }
        RgbImage img = Images.decode(sink.frames.get(10).jpeg());
        assertEquals(320, img.width());
        assertEquals(240, img.height());
        // the bright square of frame 10 is at x = 40..80, y = 80..120
        assertTrue(img.r(60, 100) > 200 && img.b(60, 100) > 200, "decoded content matches the generated frame");
        assertTrue(img.b(200, 20) < 120);
        assertEquals(40.0, reg.get("unveil.ingest.frames.decoded").counter().count());
        assertEquals(40, reg.get("unveil.ingest.decode").timer().count());
    }

    @Test
    void capsFrameRateOnMediaTimeAndDownscales() {
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(0);
        CameraReader r = reader(Settings.empty().with("ingest.fps", "10").with("ingest.max-width", "160"), "c2", sink, reg);
        r.run();
        assertTrue(r.finished());
        assertEquals(20, sink.frames.size(), "40 frames at 20 fps capped to 10 fps");
        assertEquals(20.0, reg.get("unveil.ingest.frames.dropped").tag("reason", "rate").counter().count());
        RgbImage img = Images.decode(sink.frames.get(0).jpeg());
        assertEquals(160, img.width());
        assertEquals(120, img.height());
        long dt = sink.frames.get(5).captureTimeMs() - sink.frames.get(4).captureTimeMs();
        assertTrue(dt >= 90 && dt <= 110, "capture times follow media time: " + dt);
    }

    @Test
    void loopedFileStartsOver() throws Exception {
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(100);
        CameraReader r = reader(Settings.empty().with("ingest.fps", "0").with("camera.loop1.loop", "true"), "loop1", sink, reg);
        Thread t = new Thread(r);
        t.start();
        assertTrue(sink.await(30), "a 40-frame file looped gives 100 frames");
        r.close();
        assertTrue(r.awaitDone(10, TimeUnit.SECONDS));
        assertFalse(r.finished());
        long seq = -1;
        for (Frame f : sink.frames) {
            assertTrue(f.sequence() > seq, "sequence keeps increasing across loops");
            seq = f.sequence();
        }
    }

    @Test
    void missingFileFailsWithAClearMessage() {
        CollectingSink sink = new CollectingSink(0);
        CameraSpec spec = CameraSpec.of("gone", dir.resolve("nope.mp4").toString(), Settings.empty());
        CameraReader r = new CameraReader(spec, sink, new IngestMetrics(new SimpleMeterRegistry(), "gone"));
        r.run();
        assertNotNull(r.failure());
        assertTrue(r.failure().contains("nope.mp4"), r.failure());
        assertFalse(r.finished());
        assertTrue(sink.frames.isEmpty());
    }

    @Test
    void garbageFileIsAFailureNotAHang() throws Exception {
        Path junk = dir.resolve("junk.mp4");
        java.nio.file.Files.write(junk, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
        CollectingSink sink = new CollectingSink(0);
        CameraReader r = new CameraReader(CameraSpec.of("junk", junk.toString(), Settings.empty()), sink,
                new IngestMetrics(new SimpleMeterRegistry(), "junk"));
        r.run();
        assertNotNull(r.failure());
        assertTrue(r.failure().contains("Invalid data found when processing input"), r.failure()); // FFmpeg's words
        assertFalse(r.failure().contains("setFormat") || r.failure().contains("FFmpegLogCallback"), "no JavaCV internals: " + r.failure());
        assertTrue(sink.frames.isEmpty());
    }
}
