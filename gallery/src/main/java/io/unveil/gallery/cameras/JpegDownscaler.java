package io.unveil.gallery.cameras;

import io.unveil.core.image.ImageHeader;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;

/**
 * At most {@code maxWidth} pixels wide, re-encoded at {@code quality}; a JPEG frame already that narrow is kept as it
 * came (no decode at all: its size is read from the header). Frames are checked like any untrusted image first
 * ({@link ImageHeader#check}: JPEG or PNG, declared size within the limits).
 */
public final class JpegDownscaler implements Downscaler {
    private final int maxWidth;
    private final int quality;

    public JpegDownscaler(int maxWidth, int quality) {
        if (maxWidth < 16) throw new IllegalArgumentException("gallery.snapshot-width must be at least 16, got " + maxWidth);
        if (quality < 1 || quality > 100) throw new IllegalArgumentException("JPEG quality must be 1-100, got " + quality);
        this.maxWidth = maxWidth;
        this.quality = quality;
    }

    @Override
    public Scaled scale(byte[] frameJpeg) {
        ImageHeader.check(frameJpeg, Images.MAX_SIDE, Images.MAX_PIXELS);
        int[] wh = ImageHeader.dimensions(frameJpeg);
        boolean jpeg = (frameJpeg[0] & 0xff) == 0xFF;
        if (jpeg && wh[0] <= maxWidth) return new Scaled(wh[0], wh[1], wh[0], wh[1], frameJpeg);
        RgbImage img = Images.decode(frameJpeg);
        int w = Math.min(maxWidth, img.width());
        int h = Math.max(1, Math.round(img.height() * (float) w / img.width()));
        return new Scaled(img.width(), img.height(), w, h, Images.encodeJpeg(Images.resize(img, w, h), quality));
    }
}
