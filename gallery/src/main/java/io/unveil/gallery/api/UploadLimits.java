package io.unveil.gallery.api;

import io.unveil.core.config.Settings;
import io.unveil.gallery.stage.GallerySettings;

/**
 * Request limits: whole request bytes, bytes per image, image sides (checked from the header before decoding),
 * clip bytes.
 */
public record UploadLimits(long maxRequestBytes, long maxImageBytes, int maxImageSide, int minImageSide, long maxClipBytes) {
    public static UploadLimits defaults() {
        return from(Settings.empty());
    }

    public static UploadLimits from(Settings s) {
        return new UploadLimits(s.get(GallerySettings.MAX_REQUEST_BYTES), s.get(GallerySettings.MAX_IMAGE_BYTES),
                s.get(GallerySettings.MAX_IMAGE_SIDE), s.get(GallerySettings.MIN_IMAGE_SIDE), s.get(GallerySettings.MAX_CLIP_BYTES));
    }
}
