package io.unveil.research.train.idgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.faceapi.RecognizerFeatures;
import io.unveil.recognize.faceapi.RobustRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Builds the frozen recognizer R for training and evaluation. */
public final class Recognizers {
    private Recognizers() {
    }

    /** The names {@link #load} knows besides a delta file's path (the same as {@code recognize.model}'s). */
    public static final String NAMES = "faceapi, robust or a delta file of `unveil train recognizer`";

    /** face-api's FaceRecognitionNet (module recognize) as R: R_l = conv32 stage (32x35x35), R_h = 128-D descriptor. */
    public static Function<NDManager, IdentityNet> faceApi() {
        return named("faceapi");
    }

    /** R by name: {@code faceapi}, {@code robust} (the bundled occlusion-robust recognizer) or a delta file. */
    public static Function<NDManager, IdentityNet> named(String name) {
        return manager -> of(load(name));
    }

    /** A recognizer by the names of {@code recognize.model}, for offline evaluation and training. */
    public static FaceApiEmbedder load(String name) {
        return switch (name) {
            case "faceapi" -> FaceApiEmbedder.load();
            case "robust" -> RobustRecognizer.load();
            default -> {
                Path file = Path.of(name);
                if (!Files.isRegularFile(file))
                    throw new IllegalArgumentException("unknown recognizer '" + name + "': use " + NAMES);
                yield RobustRecognizer.load(file);
            }
        };
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
