package io.unveil.recognize.faceapi;

import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.ModelFetchException;
import io.unveil.core.model.WeightFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The occlusion-robust recognizer ({@code recognize.model=robust}): face-api's FaceRecognitionNet fine-tuned by
 * self-distillation (the student sees a face with a synthetic occluder, the frozen face-api teacher the same face
 * clean; {@code unveil train recognizer}). It is stored as its difference to face-api's weights, uint8-quantized
 * ({@link WeightFile#writeQuantized}), in {@value #RESOURCE} with {@code MODEL_CARD.md} beside it; face-api's own
 * weights come from the pinned npm package as for {@code faceapi}. Same input, output and descriptor space as
 * face-api's recognizer, so it also serves as ID-GAN's R.
 */
public final class RobustRecognizer {
    public static final String RESOURCE = "/io/unveil/recognize/robust/robust-delta.bin";

    private RobustRecognizer() {
    }

    /** The bundled delta over the default face-api weights. */
    public static FaceApiEmbedder load() {
        byte[] bytes;
        try (InputStream in = RobustRecognizer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new ModelFetchException("the robust recognizer's weights " + RESOURCE + " are not on the classpath");
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelFetchException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return load(bytes, "robust-v3");
    }

    /** A delta file of {@code unveil train recognizer} (e.g. to measure a checkpoint before it is bundled). */
    public static FaceApiEmbedder load(Path deltaFile) {
        try {
            return load(Files.readAllBytes(deltaFile), deltaFile.getFileName().toString());
        } catch (IOException e) {
            throw new ModelFetchException("cannot read recognizer delta " + deltaFile + ": " + e.getMessage(), e);
        }
    }

    private static FaceApiEmbedder load(byte[] deltaBytes, String name) {
        List<WeightFile.Tensor> delta;
        try (InputStream in = new ByteArrayInputStream(deltaBytes)) {
            delta = WeightFile.read(in);
        } catch (IOException e) {
            throw new ModelFetchException("corrupt recognizer delta " + name + ": " + e.getMessage(), e);
        }
        FaceApiModels models = FaceApiModels.ensureDefault();
        return FaceApiEmbedder.load(models.file(FaceApiEmbedder.MANIFEST), name + " sha256:" + sha256(deltaBytes).substring(0, 12)
                + " over face-api@" + FaceApiModels.VERSION + "/face_recognition_model", delta);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
