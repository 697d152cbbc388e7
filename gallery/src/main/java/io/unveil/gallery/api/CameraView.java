package io.unveil.gallery.api;

import io.unveil.gallery.cameras.Snapshot;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A camera as {@code GET /cameras} shows it: its latest frame's facts and where its snapshot is, not the JPEG itself. */
public record CameraView(String cameraId, long sequence, long captureTimeMs, int frameWidth, int frameHeight, int width,
                         int height, int bytes, String snapshot) {
    public static CameraView of(Snapshot s) {
        String path = GalleryApi.BASE + "/cameras/" + URLEncoder.encode(s.cameraId(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/snapshot.jpg";
        return new CameraView(s.cameraId(), s.sequence(), s.captureTimeMs(), s.frameWidth(), s.frameHeight(), s.width(),
                s.height(), s.jpeg().length, path);
    }
}
