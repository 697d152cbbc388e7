package io.unveil.ingest;

import io.unveil.core.config.Setting;
import io.unveil.core.config.SettingCatalogue;
import io.unveil.core.config.SettingPattern;
import io.unveil.core.config.SettingSpec;
import io.unveil.core.config.SettingType;
import java.util.List;

/**
 * The cameras ({@code camera.<id>.*}) and their defaults ({@code ingest.*}), read by {@link CameraSpec}. A camera's own
 * setting wins over the {@code ingest.*} default.
 */
public final class IngestSettings implements SettingCatalogue {
    public static final SettingPattern<String> CAMERA_URL = SettingPattern.of("camera.<id>.url", SettingType.TEXT, "",
            "a camera: file path, `file://`, `http(s)://`, `rtsp://` (TCP), `/dev/videoN` or `v4l2:///dev/videoN`");
    public static final SettingPattern<Double> CAMERA_FPS = SettingPattern.of("camera.<id>.fps", SettingType.DECIMAL,
            "= ingest.fps", "this camera's frame-rate cap");
    public static final Setting<Double> FPS = Setting.decimal("ingest.fps", 10,
            "frame-rate cap (media time for files, wall time for live sources); 0 = none");
    public static final SettingPattern<Integer> CAMERA_MAX_WIDTH = SettingPattern.of("camera.<id>.max-width", SettingType.INTEGER,
            "= ingest.max-width", "this camera's width limit");
    public static final Setting<Integer> MAX_WIDTH = Setting.integer("ingest.max-width", 1280,
            "wider frames are scaled down (aspect kept); 0 = never");
    public static final SettingPattern<Boolean> CAMERA_LOOP = SettingPattern.of("camera.<id>.loop", SettingType.BOOL, "false",
            "a file starts over at its end");
    public static final SettingPattern<Boolean> CAMERA_REALTIME = SettingPattern.of("camera.<id>.realtime", SettingType.BOOL, "false",
            "read a file at its own frame rate instead of as fast as possible");
    public static final SettingPattern<Integer> CAMERA_JPEG_QUALITY = SettingPattern.of("camera.<id>.jpeg-quality", SettingType.INTEGER,
            "= ingest.jpeg-quality", "this camera's JPEG quality");
    public static final Setting<Integer> JPEG_QUALITY = Setting.integer("ingest.jpeg-quality", 85, "JPEG quality of frames in Kafka (1-100)");
    public static final SettingPattern<Long> CAMERA_RECONNECT_INITIAL_MS = SettingPattern.of("camera.<id>.reconnect-initial-ms",
            SettingType.LONG, "= ingest.reconnect-initial-ms", "this camera's first reconnect delay");
    public static final Setting<Long> RECONNECT_INITIAL_MS = Setting.longValue("ingest.reconnect-initial-ms", 500,
            "live sources: first reconnect delay (exponential backoff with jitter)");
    public static final SettingPattern<Long> CAMERA_RECONNECT_MAX_MS = SettingPattern.of("camera.<id>.reconnect-max-ms",
            SettingType.LONG, "= ingest.reconnect-max-ms", "this camera's longest reconnect delay");
    public static final Setting<Long> RECONNECT_MAX_MS = Setting.longValue("ingest.reconnect-max-ms", 4_000,
            "live sources: longest reconnect delay; 4 s keeps a camera that comes back within 5 s of being reachable again");
    public static final SettingPattern<String> CAMERA_OPTION = SettingPattern.of("camera.<id>.option.<option>", SettingType.TEXT, "",
            "any FFmpeg option, e.g. `camera.door.option.rtsp_flags=listen`");
    public static final Setting<String> CREDENTIALS_FILE = Setting.text("ingest.credentials-file", null,
            "properties file of `CAMERA_ID=user:password`, put into that camera's rtsp/http URL (keeps passwords out of config; Kubernetes: the `camera-credentials` secret)");
    /** Reconnects back off to 4 s, so the default 60 s is ~15 tries before a live camera counts as down. */
    public static final Setting<java.time.Duration> UNHEALTHY_AFTER = Setting.duration("ingest.unhealthy-after", java.time.Duration.ofSeconds(60),
            "a live camera unreachable this long makes /health DEGRADED (503); a file camera that ended is not a failure");
    public static final SettingPattern<java.time.Duration> CAMERA_UNHEALTHY_AFTER = SettingPattern.of("camera.<id>.unhealthy-after",
            SettingType.DURATION, "= ingest.unhealthy-after", "this camera's unreachable limit");

    @Override
    public List<SettingSpec> settings() {
        return List.of(CAMERA_URL, CAMERA_FPS, FPS, CAMERA_MAX_WIDTH, MAX_WIDTH, CAMERA_LOOP, CAMERA_REALTIME, CAMERA_JPEG_QUALITY,
                JPEG_QUALITY, CAMERA_RECONNECT_INITIAL_MS, RECONNECT_INITIAL_MS, CAMERA_RECONNECT_MAX_MS, RECONNECT_MAX_MS, CAMERA_OPTION,
                CREDENTIALS_FILE, UNHEALTHY_AFTER, CAMERA_UNHEALTHY_AFTER);
    }
}
