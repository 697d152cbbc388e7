package io.unveil.gallery.stage;

import io.unveil.core.config.Setting;
import io.unveil.core.config.SettingCatalogue;
import io.unveil.core.config.SettingSpec;
import java.util.List;

/**
 * The gallery service's settings ({@code gallery.*}), read by {@link GalleryRole}, {@code UploadLimits},
 * {@code RateLimiter} and {@code EnrollmentPolicy}.
 */
public final class GallerySettings implements SettingCatalogue {
    public static final Setting<String> HOST = Setting.text("gallery.host", "127.0.0.1", "bind address of the REST API and web page");
    public static final Setting<Integer> PORT = Setting.integer("gallery.port", 8080, "port of the REST API and web page (0 = any)");
    public static final Setting<String> API_KEYS_FILE = Setting.text("gallery.api-keys-file", null,
            "API keys, lines `NAME read|admin sha256:HEX`");
    public static final Setting<String> ADMIN_KEY = Setting.text("gallery.admin-key", null, "a plain admin API key");
    public static final Setting<String> READ_KEY = Setting.text("gallery.read-key", null, "a plain read-only API key");
    public static final Setting<String> ADMIN_KEY_FILE = Setting.text("gallery.admin-key-file", null,
            "where the generated admin key is kept when no key is configured").documentedDefault("$UNVEIL_HOME/gallery-admin.key");
    public static final Setting<String> KEEP_IMAGES_DIR = Setting.text("gallery.keep-images-dir", null,
            "keep enrolled images here (default: processed in memory only)");
    public static final Setting<Integer> EVENTS_BUFFER = Setting.integer("gallery.events-buffer", 1000,
            "recent events kept for the live event feed");
    public static final Setting<Integer> EVENTS_BACKFILL = Setting.integer("gallery.events-backfill", 200,
            "events read back from Kafka into the feed at start");
    public static final Setting<Integer> CLIP_SAMPLED_FRAMES = Setting.integer("gallery.clip-sampled-frames", 40,
            "clip enrollment: evenly sampled frames");
    public static final Setting<Integer> CLIP_BEST_FRAMES = Setting.integer("gallery.clip-best-frames", 8,
            "clip enrollment: best frames by quality that are enrolled");
    public static final Setting<Double> CLIP_MAX_SECONDS = Setting.decimal("gallery.clip-max-seconds", 20,
            "clip enrollment: only the first this many seconds are sampled");
    public static final Setting<Long> MAX_REQUEST_BYTES = Setting.longValue("gallery.max-request-bytes", 32L << 20,
            "largest request body").documentedDefault("33554432 (32 MiB)");
    public static final Setting<Long> MAX_IMAGE_BYTES = Setting.longValue("gallery.max-image-bytes", 8L << 20, "largest image")
            .documentedDefault("8388608 (8 MiB)");
    public static final Setting<Integer> MAX_IMAGE_SIDE = Setting.integer("gallery.max-image-side", 4096,
            "longest image side (checked from the header before decoding)");
    public static final Setting<Integer> MIN_IMAGE_SIDE = Setting.integer("gallery.min-image-side", 32, "shortest image side");
    public static final Setting<Long> MAX_CLIP_BYTES = Setting.longValue("gallery.max-clip-bytes", 24L << 20, "largest clip")
            .documentedDefault("25165824 (24 MiB)");
    public static final Setting<Double> RATE_LIMIT_PER_SECOND = Setting.decimal("gallery.rate-limit.per-second", 20,
            "API requests per second per client (token bucket; 0 disables)");
    public static final Setting<Integer> RATE_LIMIT_BURST = Setting.integer("gallery.rate-limit.burst", 40,
            "API request burst per client");
    public static final Setting<Double> MIN_FACE_PX = Setting.decimal("gallery.min-face-px", 40,
            "enrollment gate: shorter side of the face box");
    public static final Setting<Double> MIN_SHARPNESS = Setting.decimal("gallery.min-sharpness", 20,
            "enrollment gate: variance of the Laplacian of the grey recognizer chip");
    public static final Setting<Double> MAX_YAW_DEG = Setting.decimal("gallery.max-yaw-deg", 45, "enrollment gate: head yaw");
    public static final Setting<Double> SEVERAL_FACES_RATIO = Setting.decimal("gallery.several-faces-ratio", 0.5,
            "enrollment: a second face this share of the largest's area makes the image ambiguous");
    public static final Setting<Double> OUTLIER_COS = Setting.decimal("gallery.outlier-cos", 0.75,
            "enrollment: images less cosine-similar than this to the centroid are dropped (a cosine of the recognizer's raw "
                    + "descriptors: with robust-v3 a person's own photos sit at 0.92 or more and another person's near 0.83, so it drops "
                    + "no intruder, docs/evaluation.md; unset, a recognizer with centred descriptors (fused, mobilefacenet) gets -0.5, "
                    + "as loose there)");
    public static final Setting<Boolean> OCCLUSION_CENTROIDS = Setting.bool("gallery.occlusion-centroids", true,
            "also store each identity's centroid of its photos with a synthetic mask and sunglasses (3 embeddings per photo), "
                    + "for recognize.occlusion-centroids");
    public static final Setting<String> DETECTOR = Setting.text("gallery.detector", "tiny",
            "face detector of enrollment photos, any detector.model value; yunet as the first detector moved a one-photo "
                    + "centroid across a look-alike's bar in the demo (docs/evaluation.md, \"The gallery's detector\"), so it is "
                    + "the fallback instead");
    public static final Setting<String> FALLBACK_DETECTOR = Setting.text("gallery.fallback-detector", "yunet",
            "face detector asked only for an enrollment photo gallery.detector finds no face in (any detector.model value, or "
                    + "none): photos the first finds are enrolled exactly as without it");
    public static final Setting<String> LANDMARKS = Setting.text("gallery.landmarks", "faceapi",
            "68-point landmark net that aligns enrollment photos, any detector.landmarks value; faceapi, the pretrained net, is "
                    + "the more precise on unoccluded faces (NME 0.032 vs the masked net's 0.040)");
    public static final Setting<Boolean> OCCLUSION_CENTROIDS_REALIGNED = Setting.bool("gallery.occlusion-centroids-realigned", false,
            "make the masked centroid as the cameras see a masked face: the mask drawn into the photo, the face found and "
                    + "aligned again by gallery.detector and gallery.landmarks (one more detection per photo; measured with yunet and masked: -1 of 90 masked named on seeds 25-27, docs/evaluation.md)");
    public static final Setting<Double> TRIM_FRACTION = Setting.decimal("gallery.trim-fraction", 0.2,
            "enrollment: share of the least similar images dropped (trimmed mean, 4 images or more)");
    public static final Setting<Integer> MAX_IMAGES = Setting.integer("gallery.max-images", 20, "enrollment: most images per request");
    public static final Setting<Long> MAX_REQUEST_PIXELS = Setting.longValue("gallery.max-request-pixels", 64_000_000L,
            "pixels all images of one request may declare in their headers (413 before any is decoded)");
    public static final Setting<Long> MAX_CLIP_PIXELS = Setting.longValue("gallery.max-clip-pixels",
            io.unveil.gallery.enroll.ClipEnroller.DEFAULT_MAX_CLIP_PIXELS, "clip enrollment: frame size x sampled frames (413 above)");
    public static final Setting<Integer> ENROLL_CONCURRENCY = Setting.integer("gallery.enroll-concurrency", 2,
            "enrollments decoded and embedded at once");
    public static final Setting<Integer> ENROLL_QUEUE = Setting.integer("gallery.enroll-queue", 4,
            "enrollments waiting for a slot; more get 503 with Retry-After");
    public static final Setting<Integer> SSE_QUEUE = Setting.integer("gallery.sse-queue", 256,
            "live events queued per SSE client; a slow reader loses its oldest");
    public static final Setting<java.time.Duration> SSE_MAX_STALL = Setting.duration("gallery.sse-max-stall", java.time.Duration.ofSeconds(10),
            "an SSE client that reads nothing this long is cut off");
    public static final Setting<Integer> SSE_MAX_CLIENTS = Setting.integer("gallery.sse-max-clients", 64, "SSE clients at once");
    public static final Setting<java.time.Duration> SNAPSHOT_EVERY = Setting.duration("gallery.snapshot-every", java.time.Duration.ofSeconds(2),
            "how often the latest frame of each camera is read from unveil.frames for the page's snapshot strip");
    public static final Setting<Integer> SNAPSHOT_WIDTH = Setting.integer("gallery.snapshot-width", 640,
            "camera snapshots are downscaled to at most this width");
    public static final Setting<Integer> SNAPSHOT_CAMERAS = Setting.integer("gallery.snapshot-cameras", 64,
            "cameras with a snapshot kept at most (a new one replaces the camera with the oldest frame)");

    @Override
    public List<SettingSpec> settings() {
        return List.of(HOST, PORT, API_KEYS_FILE, ADMIN_KEY, READ_KEY, ADMIN_KEY_FILE, KEEP_IMAGES_DIR, EVENTS_BUFFER,
                EVENTS_BACKFILL, CLIP_SAMPLED_FRAMES, CLIP_BEST_FRAMES, CLIP_MAX_SECONDS, MAX_REQUEST_BYTES, MAX_IMAGE_BYTES,
                MAX_IMAGE_SIDE, MIN_IMAGE_SIDE, MAX_CLIP_BYTES, RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST, MIN_FACE_PX,
                MIN_SHARPNESS, MAX_YAW_DEG, SEVERAL_FACES_RATIO, OUTLIER_COS, TRIM_FRACTION, OCCLUSION_CENTROIDS, OCCLUSION_CENTROIDS_REALIGNED, DETECTOR, FALLBACK_DETECTOR, LANDMARKS, MAX_IMAGES, MAX_REQUEST_PIXELS,
                MAX_CLIP_PIXELS, ENROLL_CONCURRENCY, ENROLL_QUEUE, SSE_QUEUE, SSE_MAX_STALL, SSE_MAX_CLIENTS,
                SNAPSHOT_EVERY, SNAPSHOT_WIDTH, SNAPSHOT_CAMERAS);
    }
}
