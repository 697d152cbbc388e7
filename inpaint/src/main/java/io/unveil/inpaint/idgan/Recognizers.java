package io.unveil.inpaint.idgan;

import ai.djl.ndarray.NDManager;
import java.util.function.Function;

/** Builds the frozen recognizer R for training and evaluation. */
public final class Recognizers {
    private Recognizers() {
    }

    /** face-api's FaceRecognitionNet (module recognize) as R; null while that network is not available. */
    public static Function<NDManager, IdentityNet> faceApi() {
        return null;
    }
}
