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
 * face-api's SSD-MobileNetV1 face detector on DJL/PyTorch (slower than TinyFaceDetector, better on small and
 * occluded faces). Defaults as face-api: minConfidence 0.5, maxResults 100, NMS IoU 0.5, input 512. Not
 * thread-safe: one instance per thread, or synchronize.
 */
public final class SsdMobilenetV1 implements FaceBoxDetector {
    public static final String MANIFEST = "model/ssd_mobilenetv1_model-weights_manifest.json";
    public static final float DEFAULT_MIN_CONFIDENCE = 0.5f;
    public static final int DEFAULT_MAX_RESULTS = 100;

    private final Model model;
    private final Predictor<RgbImage, List<FaceDetection>> predictor;

    public SsdMobilenetV1(Path manifest, float minConfidence, int maxResults) {
        Djl.init();
        this.model = Model.newInstance("ssd_mobilenetv1", Device.cpu(), "PyTorch");
        try {
            SsdMobilenetV1Block block = new SsdMobilenetV1Block().load(model.getNDManager(), WeightManifest.load(manifest));
            model.setBlock(block);
            this.predictor = model.newPredictor(new SsdMobilenetV1Translator(block.anchors(), minConfidence, maxResults));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public static SsdMobilenetV1 load() {
        return load(DEFAULT_MIN_CONFIDENCE, DEFAULT_MAX_RESULTS);
    }

    public static SsdMobilenetV1 load(float minConfidence, int maxResults) {
        return new SsdMobilenetV1(FaceApiModels.ensureDefault().file(MANIFEST), minConfidence, maxResults);
    }

    /** Faces in the image, best score first, boxes in image pixels (clipped to the image, as face-api does). */
    @Override
    public List<FaceDetection> detect(RgbImage image) {
        try {
            return predictor.predict(image);
        } catch (TranslateException e) {
            throw new IllegalStateException("SsdMobilenetV1 inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "ssd_mobilenetv1";
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
