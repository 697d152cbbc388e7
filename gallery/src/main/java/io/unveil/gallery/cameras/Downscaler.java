package io.unveil.gallery.cameras;

/** Makes the small JPEG a snapshot keeps from a camera frame's JPEG. */
public interface Downscaler {
    /** The frame's size and the small JPEG with its size; an {@link io.unveil.core.image.ImageDecodeException} when the frame is not an image. */
    Scaled scale(byte[] frameJpeg);

    record Scaled(int frameWidth, int frameHeight, int width, int height, byte[] jpeg) {
    }
}
