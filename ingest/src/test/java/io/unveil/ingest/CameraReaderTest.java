package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Frame;
import io.unveil.ingest.ScriptedSource.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reader's own logic (reconnects, outage accounting, numbering, rate cap) against a scripted {@link FrameSource}. */
@Timeout(30)
class CameraReaderTest {
    private static final Settings FAST_RECONNECT = Settings.empty().with("ingest.fps", "0")
            .with("ingest.reconnect-initial-ms", "5").with("ingest.reconnect-max-ms", "10");

    @Test
    void aLiveSourceThatFailsIsReopenedAndNumberingCarriesOn() throws Exception {
        ScriptedSource source = new ScriptedSource(List.of(Connection.thenFails(5), Connection.refused(),
                Connection.refused(), Connection.thenEnds(3)));
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(8);
        CameraReader reader = new CameraReader(CameraSpec.of("gate", "rtsp://camera.invalid/live", FAST_RECONNECT), source,
                sink, new IngestMetrics(reg, "gate"));
        Thread t = new Thread(reader);
        t.start();
        assertTrue(sink.await(10), "8 frames over two good connections, got " + sink.frames.size());
        reader.close();
        assertTrue(reader.awaitDone(10, TimeUnit.SECONDS));

        List<Long> seq = sink.frames.stream().map(Frame::sequence).toList();
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), seq.subList(0, 8), "numbering continues across the outage");
        RgbImage img = Images.decode(sink.frames.get(6).jpeg());
        assertEquals(32, img.width());
        assertEquals(10, img.r(5, 5), 3, "frame 6 is the second good connection's picture 1 (shade 10)");
        assertTrue(reg.get("unveil.ingest.outages").counter().count() >= 1, "the drop after frame 4 counts as an outage");
        assertEquals(1, reg.get("unveil.ingest.outage").timer().count(), "one gap measured: the source came back once");
        assertTrue(reg.get("unveil.ingest.reconnects").counter().count() >= 3, "three reconnects before the third good open");
        assertEquals(source.opened, source.closed, "every connection opened was closed");
        assertFalse(reader.finished(), "a live source never finishes");
        assertNull(reader.failure());
    }

    @Test
    void aFileSourceIsCappedOnMediaTimeAndEnds() {
        // 20 pictures 40 ms apart (25 fps) capped at 10 fps: one per 100 ms slot, i.e. pictures 0, 3, 5, 8, 10, ...
        ScriptedSource source = new ScriptedSource(List.of(Connection.thenEnds(20)));
        var reg = new SimpleMeterRegistry();
        CollectingSink sink = new CollectingSink(0);
        CameraReader reader = new CameraReader(CameraSpec.of("file", "/videos/lobby.mp4", Settings.empty().with("ingest.fps", "10")),
                source, sink, new IngestMetrics(reg, "file"));
        reader.run();
        assertTrue(reader.finished());
        assertNull(reader.failure());
        assertEquals(8, sink.frames.size(), "800 ms of media at 10 fps");
        assertEquals(12.0, reg.get("unveil.ingest.frames.dropped").tag("reason", "rate").counter().count());
        long dt = sink.frames.get(2).captureTimeMs() - sink.frames.get(1).captureTimeMs();
        assertTrue(dt >= 80 && dt <= 120, "capture times follow media time: " + dt);
        assertEquals(1, source.opened);
        assertEquals(1, source.closed);
    }

    @Test
    void aFileThatCannotBeOpenedIsAFailureNotARetry() {
        ScriptedSource source = new ScriptedSource(List.of(Connection.refused(), Connection.thenEnds(3)));
        CollectingSink sink = new CollectingSink(0);
        CameraReader reader = new CameraReader(CameraSpec.of("gone", "/videos/gone.mp4", Settings.empty()), source, sink,
                new IngestMetrics(new SimpleMeterRegistry(), "gone"));
        reader.run();
        assertTrue(reader.failure().contains("gone.mp4") && reader.failure().contains("connection refused"), reader.failure());
        assertFalse(reader.finished());
        assertEquals(1, source.opened, "a file is not retried");
        assertTrue(sink.frames.isEmpty());
    }
}
