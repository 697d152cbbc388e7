package io.unveil.detector;

import io.unveil.core.image.RgbImage;
import io.unveil.core.model.LoadedModel;
import java.util.List;

/**
 * Finds faces and their 68 landmarks in an image. Implementations are thread-safe unless stated otherwise. The detect
 * role gets one from the registry of {@code detector.model} (deploy's {@code Models}).
 */
public interface FaceAnalyzer extends LoadedModel {
    /** Every face found, best score first; an image with no face gives an empty list, never null. */
    List<DetectedFace> detect(RgbImage image);

    @Override
    void close();
}
