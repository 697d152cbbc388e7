package io.unveil.core.model;

/**
 * A network loaded for serving: its weights in memory, ready to run. A role gets its models only as this, from a
 * {@link ModelLoader} (in a process, the {@link ModelRegistry} that a setting such as {@code detector.model} selects),
 * whether the network is a DJL Block + Translator or the project's own tensor code. Each stage's model interface extends
 * it: the detector's {@code FaceAnalyzer}, the recognizer's {@code Embedder}, inpaint's {@code FaceOcclusionModel} and
 * {@code FaceInpainter}.
 */
public interface LoadedModel extends AutoCloseable {
    /** Which weights (and preprocessing) this is: logged at start-up and stamped where a stage records its model. */
    String model();

    /** Frees the weights (native memory); the model must not be used afterwards. */
    @Override
    void close();
}
