package io.unveil.research.eval.inpaint;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.research.data.LabeledImages;
import java.util.ArrayList;
import java.util.List;

/**
 * For sets that are already aligned recognizer chips (e.g. dlib's 150x150 chips): each image is resized to 128x128
 * (FACE_128 is the CHIP_150 geometry scaled). No landmarks, so landmark-placed occluders are unavailable. An image
 * that cannot be decoded counts as a failure.
 */
public final class PreAlignedLoader implements FaceLoader {
    @Override
    public LoadedFaces load(String setName, List<LabeledImages.Item> items, ProgressBar progress) {
        List<EvalFace> faces = new ArrayList<>();
        List<LoadedFaces.Failure> failures = new ArrayList<>();
        for (LabeledImages.Item it : items) {
            try {
                RgbImage img = Images.read(it.file());
                faces.add(new EvalFace(it.identity(), it.file(), Images.resize(img, 128, 128), null));
            } catch (ImageDecodeException e) {
                failures.add(new LoadedFaces.Failure(it.file(), it.identity(), e.getMessage()));
            }
            progress.step();
        }
        return new LoadedFaces(faces, failures);
    }

    @Override
    public String describe() {
        return "pre-aligned chips resized to 128x128 (no detection)";
    }
}
