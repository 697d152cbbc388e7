package io.unveil.research.occluders;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.MaskImages;

/**
 * An occluded face and its exact ground truth: {@code mask[y * width + x] == 1} where the occluder changed (or may
 * have changed) the pixel, 0 where the pixel is bit-identical to the input face.
 */
public record Occluded(RgbImage image, byte[] mask, OccluderType type) {
    public Occluded {
        if (mask.length != image.width() * image.height())
            throw new IllegalArgumentException("mask has " + mask.length + " entries for a " + image.width() + "x"
                    + image.height() + " image");
    }

    public boolean masked(int x, int y) {
        return mask[y * image.width() + x] != 0;
    }

    /** Number of occluded pixels. */
    public int area() {
        int n = 0;
        for (byte b : mask) n += b;
        return n;
    }

    /** Occluded share of the image. */
    public float ratio() {
        return area() / (float) mask.length;
    }

    /** The mask as a greyscale PNG (255 = occluded). */
    public byte[] maskPng() {
        return MaskImages.encodePng(mask, image.width(), image.height());
    }
}
