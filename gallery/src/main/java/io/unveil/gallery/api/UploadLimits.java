package io.unveil.gallery.api;

import io.unveil.core.config.Settings;

/**
 * Request limits: whole request bytes, bytes per image, image sides (checked from the header before decoding),
 * clip bytes.
 */
public record UploadLimits(long maxRequestBytes, long maxImageBytes, int maxImageSide, int minImageSide, long maxClipBytes) {
    public static UploadLimits defaults() {
        return new UploadLimits(32L << 20, 8L << 20, 4096, 32, 24L << 20);
    }

    public static UploadLimits from(Settings s) {
        UploadLimits d = defaults();
        return new UploadLimits(s.longValue("gallery.max-request-bytes", d.maxRequestBytes()),
                s.longValue("gallery.max-image-bytes", d.maxImageBytes()),
                s.integer("gallery.max-image-side", d.maxImageSide()),
                s.integer("gallery.min-image-side", d.minImageSide()),
                s.longValue("gallery.max-clip-bytes", d.maxClipBytes()));
    }
}
