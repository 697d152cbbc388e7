package io.unveil.detector.faceapi;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.WeightManifest;
import io.unveil.detector.FaceBoxDetector;
import java.nio.file.Path;
import java.util.List;

/**
 * face-api's TinyFaceDetector on DJL/PyTorch, weights from the pinned face-api package. Default input 416, score
 * threshold 0.5, NMS IoU 0.4 (face-api's defaults). Not thread-safe: one instance per thread, or synchronize.
 */
public final class TinyFaceDetector implements FaceBoxDetector {
    public static final String MANIFEST = "model/tiny_face_detector_model-weights_manifest.json";
    public static final int DEFAULT_INPUT_SIZE = 416;
    public static final float DEFAULT_SCORE_THRESHOLD = 0.5f;

    private final Model model;
    private final Predictor<RgbImage, List<FaceDetection>> predictor;
    private final int inputSize;

    public TinyFaceDetector(Path manifest, int inputSize, float scoreThreshold) {
        Djl.init();
        TinyFaceDetectorTranslator translator = new TinyFaceDetectorTranslator(inputSize, scoreThreshold);
        this.inputSize = inputSize;
        this.model = Model.newInstance("tiny_face_detector", Device.cpu(), "PyTorch");
        try {
            model.setBlock(new TinyFaceDetectorBlock().load(model.getNDManager(), WeightManifest.load(manifest)));
            this.predictor = model.newPredictor(translator);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The default weights (fetched on first use), input 416, threshold 0.5. */
    public static TinyFaceDetector load() {
        return load(DEFAULT_INPUT_SIZE, DEFAULT_SCORE_THRESHOLD);
    }

    public static TinyFaceDetector load(int inputSize, float scoreThreshold) {
        return new TinyFaceDetector(FaceApiModels.ensureDefault().file(MANIFEST), inputSize, scoreThreshold);
    }

    public int inputSize() {
        return inputSize;
    }

    /** Faces in the image, best score first, boxes in image pixels (may extend past the border, as in face-api). */
    @Override
    public List<FaceDetection> detect(RgbImage image) {
        try {
            return predictor.predict(image);
        } catch (TranslateException e) {
            throw new IllegalStateException("TinyFaceDetector inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "tiny_face_detector";
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
