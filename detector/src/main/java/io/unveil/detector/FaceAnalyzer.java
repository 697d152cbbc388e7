package io.unveil.detector;

import io.unveil.core.image.RgbImage;
import java.util.List;

/** Finds faces and their 68 landmarks in an image. Implementations are thread-safe unless stated otherwise. */
public interface FaceAnalyzer extends AutoCloseable {
    /** Every face found, best score first; an image with no face gives an empty list, never null. */
    List<DetectedFace> detect(RgbImage image);

    @Override
    void close();
}
