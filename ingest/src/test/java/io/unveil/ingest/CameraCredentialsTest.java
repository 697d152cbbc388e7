package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.unveil.core.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25 item 9: the camera-credentials secret is read (ingest.credentials-file) and put into the camera URLs. */
class CameraCredentialsTest {
    @Test
    void credentialsFromTheFileGoIntoNetworkUrlsOnly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("camera-credentials");
        Files.writeString(f, "lobby=viewer:p@ss word\nfile=x:y\n");
        Settings s = Settings.empty().with("ingest.credentials-file", f.toString())
                .with("camera.lobby.url", "rtsp://10.0.20.11:554/stream1")
                .with("camera.file.url", "/videos/a.mp4")
                .with("camera.gate.url", "rtsp://other:pw@10.0.20.12/s");
        var cams = CameraSpec.fromSettings(s);
        assertEquals("/videos/a.mp4", cams.get(0).url());
        assertEquals("rtsp://other:pw@10.0.20.12/s", cams.get(1).url(), "a URL with its own credentials is kept");
        assertEquals("rtsp://viewer:p%40ss%20word@10.0.20.11:554/stream1", cams.get(2).url());
        assertFalse(io.unveil.core.config.Redact.secrets(cams.get(2).url()).contains("ss"), "redacted where shown");
    }

    @Test
    void aMalformedLineIsAClearErrorWithoutTheSecret(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c");
        Files.writeString(f, "lobby=justapassword\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CameraSpec.fromSettings(
                Settings.empty().with("ingest.credentials-file", f.toString()).with("camera.lobby.url", "rtsp://h/s")));
        assertFalse(e.getMessage().contains("justapassword"), e.getMessage());
    }
}
