package io.unveil.gallery.cameras;

/**
 * The latest frame kept for one camera: its capture time and sequence, the frame's own size (event boxes are in its
 * pixels) and the downscaled JPEG the page shows with its size.
 */
public record Snapshot(String cameraId, long sequence, long captureTimeMs, int frameWidth, int frameHeight, int width,
                       int height, byte[] jpeg) {
}
