package io.unveil.research.train.idgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.faceapi.RecognizerFeatures;
import java.util.function.Function;

/** Builds the frozen recognizer R for training and evaluation. */
public final class Recognizers {
    private Recognizers() {
    }

    /** face-api's FaceRecognitionNet (module recognize) as R: R_l = conv32 stage (32x35x35), R_h = 128-D descriptor. */
    public static Function<NDManager, IdentityNet> faceApi() {
        return manager -> of(FaceApiEmbedder.load());
    }

    public static IdentityNet of(FaceApiEmbedder embedder) {
        return new IdentityNet() {
            @Override
            public Features features(NDArray faces) {
                RecognizerFeatures f = embedder.features(faces.mul(255f));
                return new Features(f.low(), f.high());
            }

            @Override
            public String name() {
                return embedder.modelVersion();
            }

            @Override
            public void close() {
                embedder.close();
            }
        };
    }
}
