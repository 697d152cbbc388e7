package io.unveil.detector.faceapi;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.WeightManifest;
import java.nio.file.Path;
import java.util.List;

/**
 * face-api's FaceLandmark68Net on DJL/PyTorch: 68 landmarks for a batch of face crops in one forward pass.
 * Not thread-safe: one instance per thread, or synchronize.
 */
public final class FaceLandmark68Net implements AutoCloseable {
    public static final String MANIFEST = "model/face_landmark_68_model-weights_manifest.json";

    private final Model model;
    private final Predictor<List<RgbImage>, List<float[]>> predictor;

    public FaceLandmark68Net(Path manifest) {
        Djl.init();
        this.model = Model.newInstance("face_landmark_68", Device.cpu(), "PyTorch");
        try {
            model.setBlock(new FaceLandmark68Block().load(model.getNDManager(), WeightManifest.load(manifest)));
            this.predictor = model.newPredictor(new FaceLandmark68Translator());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public static FaceLandmark68Net load() {
        return new FaceLandmark68Net(FaceApiModels.ensureDefault().file(MANIFEST));
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
