package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraSpecTest {
    @Test
    void readsCamerasAndOptionsFromSettings() {
        Settings s = Settings.empty()
                .with("ingest.fps", "5")
                .with("camera.door.url", "rtsp://10.0.0.7/stream1")
                .with("camera.door.option.stimeout", "1")
                .with("camera.lobby.url", "/videos/lobby.mp4")
                .with("camera.lobby.loop", "true")
                .with("camera.lobby.fps", "12.5");
        List<CameraSpec> cams = CameraSpec.fromSettings(s);
        assertEquals(2, cams.size());
        CameraSpec door = cams.get(0), lobby = cams.get(1);
        assertEquals("door", door.id());
        assertEquals(SourceKind.RTSP, door.kind());
        assertEquals(5.0, door.fps());
        assertEquals("1", door.options().get("stimeout"));
        assertEquals(SourceKind.FILE, lobby.kind());
        assertTrue(lobby.loop());
        assertEquals(12.5, lobby.fps());
    }

    @Test
    void kindsFromUrls() {
        assertEquals(SourceKind.HTTP, SourceKind.of("https://cam/x.mjpg"));
        assertEquals(SourceKind.V4L2, SourceKind.of("/dev/video0"));
        assertEquals(SourceKind.V4L2, SourceKind.of("v4l2:///dev/video2"));
        assertEquals(SourceKind.FILE, SourceKind.of("file:///tmp/a.mp4"));
        assertThrows(IllegalArgumentException.class, () -> SourceKind.of("gopher://x"));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> CameraSpec.parseArg("nourl"));
        assertThrows(IllegalArgumentException.class, () -> CameraSpec.parseArg("=x"));
        assertEquals("cam", CameraSpec.parseArg("cam=rtsp://h/a=b")[0]);
        assertEquals("rtsp://h/a=b", CameraSpec.parseArg("cam=rtsp://h/a=b")[1]);
        assertThrows(IllegalArgumentException.class,
                () -> CameraSpec.of("bad id", "/x.mp4", Settings.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> CameraSpec.of("c", "/x.mp4", Settings.empty().with("camera.c.fps", "-1")));
    }

    @Test
    void aSettingOfACameraWithoutUrlIsATypoAndFails() {
        Settings s = Settings.empty().with("camera.door.url", "/door.mp4").with("camera.dor.fps", "3");
        var e = assertThrows(IllegalArgumentException.class, () -> CameraSpec.fromSettings(s));
        assertEquals("setting camera.dor.fps names no camera (no camera.<id>.url for it); cameras: door", e.getMessage());
        Settings dotted = Settings.empty().with("camera.hall.2.url", "/hall.mp4").with("camera.hall.2.fps", "4");
        assertEquals(4.0, CameraSpec.fromSettings(dotted).get(0).fps(), "an id with a dot keeps its settings");
    }
}
