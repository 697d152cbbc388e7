package io.unveil.recognize;

import io.unveil.core.image.RgbImage;
import io.unveil.core.model.LoadedModel;
import java.util.List;

/**
 * Turns aligned 150x150 recognizer chips into 128-D identity descriptors, all chips in one batched forward pass. The
 * recognize role gets one from the registry of {@code recognize.model} (deploy's {@code Models}).
 */
public interface Embedder extends LoadedModel {
    float[][] embed(List<RgbImage> chips);

    /**
     * True when the descriptors carry no offset shared by all faces (their mean over many faces is near zero), so a raw
     * cosine is already a centred one: {@code fused} and {@code mobilefacenet}. face-api's and robust-v3's descriptors
     * share one direction (mean unit descriptor norm 0.91 for robust-v3): any two faces sit near cosine 0.83. Thresholds
     * on raw cosines (the enrollment's outlier bound) depend on it.
     */
    default boolean centred() {
        return false;
    }

    /** Version string that goes into events and model cards (weights + preprocessing). */
    String modelVersion();

    /** The loaded model's id is its {@link #modelVersion()}, the string events already carry. */
    @Override
    default String model() {
        return modelVersion();
    }

    @Override
    void close();
}
