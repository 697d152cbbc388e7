package io.unveil.gallery.api;

import io.unveil.core.config.Settings;
import io.unveil.gallery.stage.GallerySettings;

/**
 * Request limits: whole request bytes, bytes per image, image sides (checked from the header before decoding),
 * clip bytes, and the memory budget of one enrollment: the pixels all images of a request declare in their headers
 * ({@code maxRequestPixels}, refused with 413 before any is decoded) and how many enrollments run at once / wait.
 *
 * <p>Why pixels: a decoded image costs 3 bytes per pixel plus OpenCV's copy while decoding, whatever its file size.
 * 20 blank 4096x4096 PNGs are 2.6 MB each on the wire and 1 GB decoded; six such requests at once took the heap
 * (11 GB RSS) that the embedded broker and Streams share. With the defaults one enrollment holds at most 64 MP
 * (~192 MB of RGB) and two run at once, so enrollment stays under ~0.5 GB however many requests arrive; the queue
 * holds only request bytes (at most {@code maxRequestBytes} each), and further requests get 503 with Retry-After.
 */
public record UploadLimits(long maxRequestBytes, long maxImageBytes, int maxImageSide, int minImageSide, long maxClipBytes,
                           long maxRequestPixels, int enrollConcurrency, int enrollQueue) {
    public static final long DEFAULT_MAX_REQUEST_PIXELS = GallerySettings.MAX_REQUEST_PIXELS.defaultValue();

    public UploadLimits(long maxRequestBytes, long maxImageBytes, int maxImageSide, int minImageSide, long maxClipBytes) {
        this(maxRequestBytes, maxImageBytes, maxImageSide, minImageSide, maxClipBytes, DEFAULT_MAX_REQUEST_PIXELS,
                GallerySettings.ENROLL_CONCURRENCY.defaultValue(), GallerySettings.ENROLL_QUEUE.defaultValue());
    }

    public UploadLimits {
        if (maxRequestPixels <= 0 || enrollConcurrency <= 0 || enrollQueue < 0)
            throw new IllegalArgumentException("gallery.max-request-pixels and gallery.enroll-concurrency must be positive, "
                    + "gallery.enroll-queue at least 0");
    }

    public static UploadLimits defaults() {
        return from(Settings.empty());
    }

    public UploadLimits withEnrollment(long maxRequestPixels, int concurrency, int queue) {
        return new UploadLimits(maxRequestBytes, maxImageBytes, maxImageSide, minImageSide, maxClipBytes, maxRequestPixels,
                concurrency, queue);
    }

    public static UploadLimits from(Settings s) {
        return new UploadLimits(s.get(GallerySettings.MAX_REQUEST_BYTES), s.get(GallerySettings.MAX_IMAGE_BYTES),
                s.get(GallerySettings.MAX_IMAGE_SIDE), s.get(GallerySettings.MIN_IMAGE_SIDE), s.get(GallerySettings.MAX_CLIP_BYTES),
                s.get(GallerySettings.MAX_REQUEST_PIXELS), s.get(GallerySettings.ENROLL_CONCURRENCY), s.get(GallerySettings.ENROLL_QUEUE));
    }
}
