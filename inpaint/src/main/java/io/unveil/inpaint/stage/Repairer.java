package io.unveil.inpaint.stage;

import io.unveil.core.image.RgbImage;
import java.util.List;

/** Fills the holes (mask value 1) of a batch of aligned faces; the ID-GAN Inpainter is one. */
@FunctionalInterface
public interface Repairer {
    List<RgbImage> repair(List<RgbImage> faces, List<float[]> masks);
}
