package io.unveil.core.image;

/** Bytes that are not a usable image (empty, truncated, unknown format, too large). The message says which. */
public class ImageDecodeException extends RuntimeException {
    public ImageDecodeException(String message) {
        super(message);
    }
}
