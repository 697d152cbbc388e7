package io.unveil.detector.stage;

import io.unveil.core.config.Setting;
import io.unveil.core.config.SettingCatalogue;
import io.unveil.core.config.SettingSpec;
import io.unveil.detector.faceapi.TinyFaceDetector;
import java.util.List;

/** The detector stage's settings ({@code detector.*}), read by {@link DetectorConfig} and {@link DetectRole}. */
public final class DetectorSettings implements SettingCatalogue {
    public static final Setting<Integer> INPUT_SIZE = Setting.integer("detector.input-size", TinyFaceDetector.DEFAULT_INPUT_SIZE,
            "TinyFaceDetector input size (multiple of 32)");
    public static final Setting<Double> MIN_SCORE = Setting.decimal("detector.min-score", 0.5, "detector score threshold");
    public static final Setting<Double> MIN_FACE_PX = Setting.decimal("detector.min-face-px", 40,
            "quality gate: shorter side of the face box");
    public static final Setting<Double> MIN_SHARPNESS = Setting.decimal("detector.min-sharpness", 10,
            "quality gate: variance of the Laplacian of the aligned 128x128 face");
    public static final Setting<Double> MAX_YAW_DEG = Setting.decimal("detector.max-yaw-deg", 60,
            "quality gate: head yaw from landmarks (solvePnP on a generic 3D face); 60 since 2026-12-06 (was 50: half the live "
                    + "test's segments without an event were faces at yaw 54-58; at 60 seeds 16-18 had 4 of 360 without an event "
                    + "instead of 9, the same names and wrong names, docs/evaluation.md)");
    public static final Setting<Double> MAX_PITCH_DEG = Setting.decimal("detector.max-pitch-deg", 45,
            "quality gate: head pitch from landmarks");
    public static final Setting<Integer> MAX_FACES = Setting.integer("detector.max-faces", 20, "faces per frame (largest first)");
    public static final Setting<Double> TRACK_IOU = Setting.decimal("detector.track-iou", 0.3,
            "tracker: IoU with the predicted box to continue a track");
    public static final Setting<Long> TRACK_MAX_GAP_MS = Setting.longValue("detector.track-max-gap-ms", 2000,
            "tracker: a track unseen this long (capture time, ms) ends");

    public static final Setting<String> MODEL = Setting.text("detector.model", "yunet",
            "face detector: `yunet` (YuNet n-320, finds masked faces), `tiny` (face-api TinyFaceDetector) or `ssd` (face-api SSD-MobileNetV1, fixed input 512: slower); each with the 68 landmarks of `detector.landmarks`");

    public static final Setting<String> LANDMARKS = Setting.text("detector.landmarks", "masked",
            "68-point landmark net: `masked` (the default: face-api's net fine-tuned on synthetically masked faces: landmarks stay on the face under a mask), `faceapi` (face-api's pretrained net) or a weight file of `unveil train landmarks`");

    @Override
    public List<SettingSpec> settings() {
        return List.of(MODEL, LANDMARKS, INPUT_SIZE, MIN_SCORE, MIN_FACE_PX, MIN_SHARPNESS, MAX_YAW_DEG, MAX_PITCH_DEG, MAX_FACES, TRACK_IOU,
                TRACK_MAX_GAP_MS);
    }
}
