package io.unveil.gallery.cameras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraSnapshotsTest {
    /** A downscaler that decodes nothing: the "image" is one byte naming it; byte 0 is unreadable. Counts its calls. */
    static final class FakeDownscaler implements Downscaler {
        int calls;

        @Override
        public Scaled scale(byte[] frame) {
            calls++;
            if (frame[0] == 0) throw new ImageDecodeException("not an image");
            return new Scaled(1280, 720, 640, 360, new byte[]{frame[0], 's'});
        }
    }

    static Frame frame(String cam, long seq, long timeMs, int tag) {
        return new Frame(cam, seq, timeMs, new byte[]{(byte) tag});
    }

    @Test
    void theLatestFrameWinsWhatEverOrderFramesCome() {
        FakeDownscaler d = new FakeDownscaler();
        CameraSnapshots s = new CameraSnapshots(4, d);
        assertTrue(s.offer(frame("cam1", 1, 1_000, 1)));
        assertTrue(s.offer(frame("cam1", 3, 3_000, 3)));
        assertFalse(s.offer(frame("cam1", 2, 2_000, 2)), "an older frame does not replace a newer one");
        assertFalse(s.offer(frame("cam1", 3, 3_000, 4)), "nor does the same frame again");
        assertTrue(s.offer(frame("cam1", 4, 3_000, 5)), "same capture time, later sequence");
        Snapshot snap = s.get("cam1");
        assertArrayEquals(new byte[]{5, 's'}, snap.jpeg());
        assertEquals(4, snap.sequence());
        assertEquals(3_000, snap.captureTimeMs());
        assertEquals(List.of(1280, 720, 640, 360), List.of(snap.frameWidth(), snap.frameHeight(), snap.width(), snap.height()));
        assertEquals(3, d.calls, "frames that are not newer are never decoded");
        assertEquals(3, s.kept());
        assertEquals(2, s.stale());
    }

    @Test
    void atMostMaxCamerasTheOneWithTheOldestFrameMakesRoom() {
        CameraSnapshots s = new CameraSnapshots(2, new FakeDownscaler());
        s.offer(frame("a", 1, 5_000, 1));
        s.offer(frame("b", 1, 1_000, 1)); // b went quiet long ago
        s.offer(frame("a", 2, 6_000, 1));
        s.offer(frame("c", 1, 7_000, 1));
        assertEquals(List.of("a", "c"), s.list().stream().map(Snapshot::cameraId).toList());
        assertEquals(1, s.evicted());
        s.offer(frame("a", 3, 8_000, 1));
        assertEquals(2, s.list().size(), "a camera already kept takes no room");
    }

    @Test
    void anUnknownCameraHasNoSnapshotAndAnUnreadableFrameKeepsTheLastGoodOne() {
        CameraSnapshots s = new CameraSnapshots(2, new FakeDownscaler());
        assertNull(s.get("nope"));
        assertNull(s.get(null));
        s.offer(frame("cam1", 1, 1_000, 7));
        assertFalse(s.offer(frame("cam1", 2, 2_000, 0)));
        assertEquals(1, s.unreadable());
        assertArrayEquals(new byte[]{7, 's'}, s.get("cam1").jpeg());
        assertThrows(IllegalArgumentException.class, () -> new CameraSnapshots(0, new FakeDownscaler()));
    }

    @Test
    void theJpegDownscalerShrinksWideFramesAndKeepsNarrowOnesAsTheyCame() {
        JpegDownscaler d = new JpegDownscaler(640, 75);
        byte[] wide = Images.encodeJpeg(new RgbImage(1280, 720, new byte[1280 * 720 * 3]), 90);
        Downscaler.Scaled s = d.scale(wide);
        assertEquals(List.of(1280, 720, 640, 360), List.of(s.frameWidth(), s.frameHeight(), s.width(), s.height()));
        RgbImage back = Images.decode(s.jpeg());
        assertEquals(640, back.width());
        assertEquals(360, back.height());
        byte[] narrow = Images.encodeJpeg(new RgbImage(320, 240, new byte[320 * 240 * 3]), 90);
        assertArrayEquals(narrow, d.scale(narrow).jpeg());
        assertThrows(ImageDecodeException.class, () -> d.scale(new byte[]{1, 2, 3, 4}));
    }
}
