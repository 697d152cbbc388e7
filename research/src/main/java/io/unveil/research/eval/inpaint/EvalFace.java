package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import java.nio.file.Path;

/** One aligned face of the evaluation set: FACE_128 image, its 68 aligned landmarks (null if unknown), identity, file. */
public record EvalFace(String identity, Path source, RgbImage face128, float[] landmarks128) {
}
