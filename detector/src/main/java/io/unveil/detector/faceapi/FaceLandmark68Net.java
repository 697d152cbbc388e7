package io.unveil.detector.faceapi;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.LoadedModel;
import io.unveil.core.model.WeightManifest;
import io.unveil.core.model.WeightTensor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;

/**
 * face-api's FaceLandmark68Net on DJL/PyTorch: 68 landmarks for a batch of face crops in one forward pass.
 * Not thread-safe: one instance per thread, or synchronize.
 */
public final class FaceLandmark68Net implements LoadedModel {
    public static final String MANIFEST = "model/face_landmark_68_model-weights_manifest.json";
    /** face-api's pretrained weights ({@code detector.landmarks=faceapi}). */
    public static final String PRETRAINED = "face_landmark_68";
    /** The bundled fine-tune on synthetically masked faces ({@code detector.landmarks=masked}; MODEL_CARD.md beside it). */
    public static final String MASKED = "face_landmark_68-masked";
    public static final String MASKED_RESOURCE = "/io/unveil/detector/faceapi/landmark68-masked.bin";

    private final String version;
    private final Model model;
    private final Predictor<List<RgbImage>, List<float[]>> predictor;

    public FaceLandmark68Net(Path manifest) {
        this(WeightManifest.load(manifest), PRETRAINED);
    }

    /**
     * From tensors under face-api's names and layouts (a manifest, or a {@link FaceLandmark68Weights} file);
     * {@code version} is what {@link #model()} reports.
     */
    public FaceLandmark68Net(Map<String, WeightTensor> weights, String version) {
        this.version = version;
        Djl.init();
        this.model = Model.newInstance("face_landmark_68", Device.cpu(), "PyTorch");
        try {
            model.setBlock(new FaceLandmark68Block().load(model.getNDManager(), weights));
            this.predictor = model.newPredictor(new FaceLandmark68Translator());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public static FaceLandmark68Net load() {
        return new FaceLandmark68Net(FaceApiModels.ensureDefault().file(MANIFEST));
    }

    /** A fine-tuned net from a {@link FaceLandmark68Weights} file ({@code unveil train landmarks}). */
    public static FaceLandmark68Net fromWeightFile(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return new FaceLandmark68Net(FaceLandmark68Weights.read(in), PRETRAINED + "@" + file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read landmark weights " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * By the names of {@code detector.landmarks} for the offline tools (research cannot reach deploy's registry):
     * {@code faceapi} (pretrained), {@code masked} (the bundled fine-tune) or the path of a weight file.
     */
    public static FaceLandmark68Net named(String name) {
        return switch (name) {
            case "faceapi" -> load();
            case "masked" -> loadMasked();
            default -> fromWeightFile(Path.of(name));
        };
    }

    /** The bundled fine-tune on synthetically masked faces ({@value #MASKED_RESOURCE}). */
    public static FaceLandmark68Net loadMasked() {
        try (InputStream in = FaceLandmark68Net.class.getResourceAsStream(MASKED_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing bundled landmark weights " + MASKED_RESOURCE);
            return new FaceLandmark68Net(FaceLandmark68Weights.read(new BufferedInputStream(in)), MASKED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled landmark weights " + MASKED_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** {@value #PRETRAINED}, {@value #MASKED} or {@code face_landmark_68@<file>}. */
    @Override
    public String model() {
        return version;
    }

    /** For each crop, 136 floats = 68 (x,y) in that crop's pixels. An empty list gives an empty list. */
    public List<float[]> landmarks(List<RgbImage> crops) {
        if (crops.isEmpty()) return List.of();
        try {
            return predictor.predict(crops);
        } catch (TranslateException e) {
            throw new IllegalStateException("FaceLandmark68Net inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
