package io.unveil.deploy.runtime;

import io.unveil.core.config.Settings;
import io.unveil.core.model.ModelRegistry;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.stage.DetectorModels;
import io.unveil.detector.stage.DetectorSettings;
import io.unveil.inpaint.FaceInpainter;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.FaceOcclusionModel;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.inpaint.prior.PriorInpainter;
import io.unveil.inpaint.stage.InpaintConfig;
import io.unveil.inpaint.stage.InpaintSettings;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.faceapi.RobustRecognizer;
import io.unveil.recognize.stage.RecognizeSettings;
import java.util.List;

/**
 * The networks a process can serve, one registry per setting, beside {@link Roles} which hands each role its registry.
 * To add a network: write one class in its module implementing the role's model interface ({@code FaceAnalyzer},
 * {@code Embedder}, {@code FaceOcclusionModel} or {@code FaceInpainter}, each a
 * {@link io.unveil.core.model.LoadedModel}) with a factory taking the {@link Settings}, and add one line here, e.g.
 * {@code .register("retinaface", DetectorModels::retinaface)} under {@link #DETECTORS}. The defaults are chosen by measurement (detector:
 * docs/evaluation.md, "Detection of masked faces").
 */
public final class Models {
    /**
     * {@code detector.landmarks}: the 68-point landmark net every detector runs on its boxes: face-api's fine-tuned on
     * synthetically masked faces, face-api's pretrained one, or a weight file of {@code unveil train landmarks}.
     */
    public static final ModelRegistry<FaceLandmark68Net> LANDMARKS = new ModelRegistry<FaceLandmark68Net>(DetectorSettings.LANDMARKS)
            .register("masked", DetectorModels::maskedLandmarks)
            .register("faceapi", DetectorModels::faceapiLandmarks)
            .orFile((file, s) -> FaceLandmark68Net.fromWeightFile(file));

    /** {@code detector.model}: YuNet (default), face-api's TinyFaceDetector or SSD-MobileNetV1, each + {@link #LANDMARKS}. */
    public static final ModelRegistry<FaceAnalyzer> DETECTORS = new ModelRegistry<FaceAnalyzer>(DetectorSettings.MODEL)
            .register("yunet", s -> DetectorModels.yunet(s, LANDMARKS.load(s)))
            .register("tiny", s -> DetectorModels.tiny(s, LANDMARKS.load(s)))
            .register("ssd", s -> DetectorModels.ssd(s, LANDMARKS.load(s)));

    /** {@code recognize.model}: face-api's 128-D recognizer (dlib ResNet-29); the gallery role enrolls with it too. */
    public static final ModelRegistry<Embedder> RECOGNIZERS = new ModelRegistry<Embedder>(RecognizeSettings.MODEL)
            .register("faceapi", s -> flipped(s, FaceApiEmbedder.load()))
            .register("robust", s -> flipped(s, RobustRecognizer.load()))
            .register("fused", s -> flipped(s, io.unveil.recognize.fused.FusedRecognizer.load()))
            .register("mobilefacenet", s -> flipped(s, io.unveil.recognize.fused.MobileFaceNetEmbedder.load()))
            .orFile((file, s) -> flipped(s, RobustRecognizer.load(file)));

    /** {@code recognize.flip-average}: the recognizer wrapped to average each face with its mirror image. */
    static Embedder flipped(io.unveil.core.config.Settings s, Embedder e) {
        return s.get(RecognizeSettings.FLIP_AVERAGE) ? new io.unveil.recognize.FlipAveragedEmbedder(e) : e;
    }

    /** {@code inpaint.occlusion-model}: the bundled occlusion-unet, or a weight file of {@code unveil train occlusion}. */
    public static final ModelRegistry<FaceOcclusionModel> OCCLUSION_MODELS =
            new ModelRegistry<FaceOcclusionModel>(InpaintSettings.OCCLUSION_MODEL)
                    .register("bundled", s -> OcclusionEstimator.load(OcclusionEstimator.Options.DEFAULT))
                    .orFile((file, s) -> OcclusionEstimator.load(file, OcclusionEstimator.Options.DEFAULT));

    /**
     * {@code inpaint.generator}: the bundled ID-GAN generator, the PCA face prior alone ({@code pca-prior}, issue 24), or
     * a weight file of {@code unveil train idgan} (a prior generator's file gets the bundled prior); on {@code inpaint.device}.
     */
    public static final ModelRegistry<FaceInpainter> GENERATORS = new ModelRegistry<FaceInpainter>(InpaintSettings.GENERATOR)
            .register("prior-idgan", s -> Inpainter.loadServed(InpaintConfig.from(s).device(), false))
            .register("bundled", s -> Inpainter.load(InpaintConfig.from(s).device()))
            .register("pca-prior", s -> PriorInpainter.bundled())
            .orFile((file, s) -> Inpainter.load(file, InpaintConfig.from(s).device()));

    private static final List<ModelRegistry<?>> ALL = List.of(LANDMARKS, DETECTORS, RECOGNIZERS, OCCLUSION_MODELS, GENERATORS);

    private Models() {
    }

    /** Every registry, in pipeline order. */
    public static List<ModelRegistry<?>> all() {
        return ALL;
    }

    /**
     * Fails on an unknown model name or a missing weight file in any of the settings (with the known names), before
     * the process starts anything; loads nothing.
     */
    public static void check(Settings settings) {
        for (ModelRegistry<?> r : ALL) r.resolve(settings);
    }
}
