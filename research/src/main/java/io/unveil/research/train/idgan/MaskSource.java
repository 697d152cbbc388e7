package io.unveil.research.train.idgan;

import io.unveil.inpaint.idgan.Generator;
import java.util.Random;

/** Where training and evaluation holes come from. The paper's random 48x48 block is always one of the sources. */
public interface MaskSource {
    /** A 128x128 hole mask (1 = hole) for this face. */
    float[] next(TrainingFace face, Random rnd);

    MaskSource BLOCK_48 = (face, rnd) -> Masks.randomBlock(rnd, Generator.SIZE, Masks.BLOCK);
}
