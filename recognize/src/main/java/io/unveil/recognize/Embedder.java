package io.unveil.recognize;

import io.unveil.core.image.RgbImage;
import java.util.List;

/** Turns aligned 150x150 recognizer chips into 128-D identity descriptors, all chips in one batched forward pass. */
public interface Embedder extends AutoCloseable {
    float[][] embed(List<RgbImage> chips);

    /** Version string that goes into events and model cards (weights + preprocessing). */
    String modelVersion();

    @Override
    void close();
}
