package io.unveil.recognize.faceapi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unveil.core.config.UnveilHome;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.testing.TestData;

/** Test access to the pinned face-api weights: skips when they are neither cached nor fetchable (no npm). */
public final class Models {
    private static FaceApiEmbedder embedder;

    private Models() {
    }

    public static FaceApiModels faceApi() {
        FaceApiModels m = new FaceApiModels(UnveilHome.models());
        if (m.verifyAll() != null) TestData.assumeNpm();
        return m.ensure();
    }

    /** One shared embedder per test JVM (it is thread-safe and read-only). */
    public static synchronized FaceApiEmbedder embedder() {
        if (embedder == null) embedder = FaceApiEmbedder.load(faceApi());
        assumeTrue(embedder != null);
        return embedder;
    }
}
