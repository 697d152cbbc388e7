package io.unveil.research.train.idgan;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Generator;

/**
 * One aligned 128x128 training face: the image, its 68 aligned landmarks (136 floats in 128x128 pixels, null when the
 * source has none), its identity and the file it came from.
 */
public record TrainingFace(RgbImage face, float[] landmarks, String identity, String source) {
    public TrainingFace {
        if (face.width() != Generator.SIZE || face.height() != Generator.SIZE)
            throw new IllegalArgumentException("training faces must be 128x128, got " + face.width() + "x" + face.height());
        if (landmarks != null && landmarks.length != 136)
            throw new IllegalArgumentException("expected 68 landmarks (136 floats), got " + landmarks.length);
    }
}
