package io.unveil.inpaint;

import io.unveil.core.model.LoadedModel;
import io.unveil.inpaint.stage.Repairer;

/**
 * A loaded inpainting generator, what the inpaint role gets from the registry of {@code inpaint.generator}: it fills
 * the holes (mask value 1) of aligned FACE_128 faces and keeps every other pixel. The ID-GAN
 * {@link io.unveil.inpaint.idgan.Inpainter} is one; another generator is one more class implementing this plus one
 * registration line in deploy's {@code Models}.
 */
public interface FaceInpainter extends Repairer, LoadedModel {
}
