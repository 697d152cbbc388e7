package io.unveil.recognize.stage;

import io.unveil.core.config.Setting;
import io.unveil.core.config.SettingCatalogue;
import io.unveil.core.config.SettingSpec;
import io.unveil.core.topic.Topics;
import java.time.Duration;
import java.util.List;

/** The recognition stage's settings ({@code recognize.*}), read by {@link RecognizeConfig} and {@link RecognizeRole}. */
public final class RecognizeSettings implements SettingCatalogue {
    public static final Setting<Double> THRESHOLD = new Setting<>("recognize.threshold", io.unveil.core.config.SettingType.DECIMAL,
            null, "the calibration's", "cosine similarity a fused track needs to match; overrides the calibration");
    public static final Setting<String> CALIBRATION = Setting.text("recognize.calibration", null,
            "calibration file written by `unveil calibrate` (thresholds per probe condition and center)").documentedDefault("bundled");
    public static final Setting<Boolean> READ_RAW_FACES = Setting.bool("recognize.read-raw-faces", false,
            "recognize `unveil.faces` (no inpainting) instead of `recognize.input-topic`");
    public static final Setting<String> INPUT_TOPIC = Setting.text("recognize.input-topic", Topics.FACES_REPAIRED.name(),
            "topic of the faces to recognize");
    public static final Setting<Double> MIN_MARGIN = Setting.decimal("recognize.min-margin", 0.0,
            "required lead of the best identity over the second best");
    public static final Setting<Integer> MIN_FRAMES_UNKNOWN = Setting.integer("recognize.min-frames-unknown", 4,
            "frames in a row without a match before a visit is announced unknown");
    public static final Setting<Integer> NAME_FRAMES = Setting.integer("recognize.name-frames", 2,
            "frames in a row matching one identity before a visit is announced with that name (or changed from unknown to it)");
    public static final Setting<Integer> SWITCH_FRAMES = Setting.integer("recognize.switch-frames", 3,
            "frames in a row matching another identity before a named visit is changed to it");
    public static final Setting<Duration> IDLE_TIMEOUT = Setting.duration("recognize.idle-timeout", Duration.ofSeconds(3),
            "the visit gap: a visit with no face for this long (capture time) has ended; a new track on the same camera "
                    + "within it that looks like the visit continues it");
    public static final Setting<Duration> QUIET_TIMEOUT = Setting.duration("recognize.quiet-timeout", Duration.ofSeconds(10),
            "a visit whose camera sent no face for this long (wall clock) has ended: the camera went quiet or the stream stopped");
    public static final Setting<Double> REJOIN_SIMILARITY = new Setting<>("recognize.rejoin-similarity",
            io.unveil.core.config.SettingType.DECIMAL, null, "= threshold",
            "cosine similarity of a new track's first face to a visit within the gap needed to continue that visit");
    public static final Setting<Double> UNKNOWN_JOIN = new Setting<>("recognize.unknown-join", io.unveil.core.config.SettingType.DECIMAL,
            null, "= threshold", "cosine similarity to an unknown cluster needed to reuse its anonymous id");
    public static final Setting<Integer> MAX_UNKNOWN_CLUSTERS = Setting.integer("recognize.max-unknown-clusters", 10_000,
            "bound on remembered anonymous ids (least recently seen forgotten first)");
    public static final Setting<Duration> HISTORY_RETENTION = Setting.duration("recognize.history-retention", Duration.ofDays(7),
            "how long past sightings stay searchable for retroactive matches");
    public static final Setting<Duration> RETROACTIVE_EVERY = Setting.duration("recognize.retroactive-every", Duration.ofSeconds(1),
            "how often newly enrolled identities are searched in the history");
    public static final Setting<Boolean> HISTORY_THUMBNAILS = Setting.bool("recognize.history-thumbnails", true,
            "keep the aligned face of a sighting in the history (retroactive event thumbnails)");
    public static final Setting<Boolean> PER_IDENTITY_METRICS = Setting.bool("recognize.per-identity-metrics", false,
            "count matches per identity (off by default: label cardinality)");
    public static final Setting<String> APPLICATION_ID = Setting.text("recognize.application-id", "unveil-recognize",
            "Kafka Streams application id of the recognize role (its consumer group and state)");

    public static final Setting<Boolean> OCCLUSION_CENTROIDS = Setting.bool("recognize.occlusion-centroids", true,
            "also compare an occluded face with the gallery's centroid of photos occluded the same way (lower face, eyes); on by default since 2026-12-06 (with `robust`: masked enrolled people named 48/90 vs 30/90 live, docs/evaluation.md \"The default pipeline\")");

    public static final Setting<Double> VISIT_FAR = Setting.decimal("recognize.visit-far", 0.0,
            "share of strangers' visits that may be given an enrolled person's name, whatever the gallery's size: each "
                    + "comparison is held to the calibration's threshold at FAR visit-far / identities (never looser than the "
                    + "calibration's own FAR); 0: the calibration's FAR per comparison at every size (docs/recognition-and-gallery.md)");

    public static final Setting<Boolean> FLIP_AVERAGE = Setting.bool("recognize.flip-average", false,
            "average each face's descriptor with its mirror image's (twice the recognizer's work; the gallery enrolls the "
                    + "same way; needs a calibration made with it: `unveil calibrate --flip-average`)");

    public static final Setting<String> MODEL = Setting.text("recognize.model", "robust",
            "face recognizer: `robust` (the default: face-api's 128-D ResNet fine-tuned to look past occluders, "
                    + "robust/MODEL_CARD.md), `fused` (robust-v3 and a pretrained MobileFaceNet as one 640-D descriptor, fused/MODEL_CARD.md; fetched "
                    + "from npm on first use), `mobilefacenet` (that MobileFaceNet alone), `faceapi` (face-api's network as published) or a delta file of `unveil train recognizer`; the gallery role enrolls with "
                    + "the same one (re-enroll after a change); "
                    + "each model needs its calibration (`calibration/<model>.json` bundled, or recognize.calibration)");

    @Override
    public List<SettingSpec> settings() {
        return List.of(MODEL, THRESHOLD, CALIBRATION, READ_RAW_FACES, INPUT_TOPIC, MIN_MARGIN, MIN_FRAMES_UNKNOWN, NAME_FRAMES,
                SWITCH_FRAMES, IDLE_TIMEOUT, QUIET_TIMEOUT, REJOIN_SIMILARITY, UNKNOWN_JOIN, MAX_UNKNOWN_CLUSTERS, HISTORY_RETENTION, RETROACTIVE_EVERY, HISTORY_THUMBNAILS,
                PER_IDENTITY_METRICS, OCCLUSION_CENTROIDS, VISIT_FAR, FLIP_AVERAGE, APPLICATION_ID);
    }
}
