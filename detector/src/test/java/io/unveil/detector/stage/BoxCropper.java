package io.unveil.detector.stage;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;

/** Test scaffolding: crops the landmarks' bounding box and resizes it (no rotation). */
final class BoxCropper implements FaceCropper {
    @Override
    public Crops crop(RgbImage frame, float[] lm) {
        float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
        for (int i = 0; i < 68; i++) {
            x0 = Math.min(x0, lm[2 * i]);
            x1 = Math.max(x1, lm[2 * i]);
            y0 = Math.min(y0, lm[2 * i + 1]);
            y1 = Math.max(y1, lm[2 * i + 1]);
        }
        RgbImage c = Images.crop(frame, (int) x0, (int) y0, Math.max(1, (int) (x1 - x0)), Math.max(1, (int) (y1 - y0)));
        return new Crops(Images.resize(c, 128, 128), Images.resize(c, 150, 150));
    }
}
