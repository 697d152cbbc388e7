package io.unveil.research.train.recognizer;

import io.unveil.core.image.RgbImage;

/** Left-right mirror image of an RGB image (the recognizer's only geometric augmentation: alignment fixes the rest). */
final class Mirror {
    private Mirror() {
    }

    static RgbImage of(RgbImage img) {
        int w = img.width(), h = img.height();
        byte[] src = img.data(), dst = new byte[src.length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                System.arraycopy(src, (y * w + x) * 3, dst, (y * w + (w - 1 - x)) * 3, 3);
        return new RgbImage(w, h, dst);
    }
}
