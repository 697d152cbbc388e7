package io.unveil.ingest;

import io.unveil.core.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One camera: id (the Kafka key of its frames), URL and per-camera options. Read from the settings of
 * {@link IngestSettings}: {@code camera.<id>.url}, {@code camera.<id>.fps}, {@code .max-width}, {@code .loop},
 * {@code .realtime}, {@code .jpeg-quality}, {@code .reconnect-initial-ms}, {@code .reconnect-max-ms} and FFmpeg options
 * {@code camera.<id>.option.<name>}; defaults from {@code ingest.*}.
 *
 * @param fps         frame-rate cap (frames per second of media time for files, wall time for live sources); 0 = none
 * @param maxWidth    frames wider than this are scaled down keeping the aspect ratio; 0 = never
 * @param loop        a file starts over at its end instead of ending
 * @param realtime    a file is read at its own frame rate instead of as fast as possible
 */
public record CameraSpec(String id, String url, double fps, int maxWidth, boolean loop, boolean realtime,
                         int jpegQuality, long reconnectInitialMs, long reconnectMaxMs, Map<String, String> options) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public CameraSpec {
        if (id == null || !ID.matcher(id).matches())
            throw new IllegalArgumentException("camera id must be 1-64 of [A-Za-z0-9._-], got '" + id + "'");
        if (url == null || url.isBlank()) throw new IllegalArgumentException("camera " + id + " has no URL");
        if (fps < 0) throw new IllegalArgumentException("camera " + id + ": fps must be >= 0");
        if (jpegQuality < 1 || jpegQuality > 100) throw new IllegalArgumentException("camera " + id + ": jpeg-quality must be 1..100");
        if (reconnectInitialMs <= 0 || reconnectMaxMs < reconnectInitialMs)
            throw new IllegalArgumentException("camera " + id + ": need 0 < reconnect-initial-ms <= reconnect-max-ms");
        SourceKind.of(url); // validates the scheme
        options = Map.copyOf(options);
    }

    public SourceKind kind() {
        return SourceKind.of(url);
    }

    /** A camera with the {@code ingest.*} defaults. */
    public static CameraSpec of(String id, String url, Settings s) {
        return fromSettings(s.with(IngestSettings.CAMERA_URL.at(id), url)).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** Parses {@code ID=URL} as given to {@code --camera}. */
    public static String[] parseArg(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0 || eq == arg.length() - 1)
            throw new IllegalArgumentException("--camera expects ID=URL, got '" + arg + "'");
        return new String[]{arg.substring(0, eq).trim(), arg.substring(eq + 1).trim()};
    }

    /**
     * Every camera configured in the settings, in id order. A {@code camera.<id>.*} setting of an id without a URL fails:
     * it is a typo of a configured camera's id (or a camera missing its URL) and would otherwise be ignored.
     */
    public static List<CameraSpec> fromSettings(Settings s) {
        String prefix = IngestSettings.CAMERA_URL.prefix();
        TreeSet<String> ids = new TreeSet<>();
        for (String key : s.withPrefix(prefix).keySet()) {
            if (key.endsWith(".url")) ids.add(key.substring(0, key.length() - ".url".length()));
        }
        for (String key : s.withPrefix(prefix).keySet()) {
            if (ids.stream().noneMatch(id -> key.startsWith(id + ".")))
                throw new IllegalArgumentException("setting " + prefix + key + " names no camera (no " + prefix + "<id>.url for it);"
                        + " cameras: " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
        }
        List<CameraSpec> out = new ArrayList<>();
        String credFile = s.get(IngestSettings.CREDENTIALS_FILE);
        Map<String, String> creds = credFile == null || credFile.isBlank() ? Map.of()
                : CameraCredentials.read(java.nio.file.Path.of(credFile));
        for (String id : ids) {
            Map<String, String> opts = new TreeMap<>(s.withPrefix(IngestSettings.CAMERA_OPTION.at(id, "").name()));
            out.add(new CameraSpec(id, CameraCredentials.apply(s.get(IngestSettings.CAMERA_URL.at(id)), creds.get(id)),
                    s.get(IngestSettings.CAMERA_FPS.at(id), s.get(IngestSettings.FPS)),
                    s.get(IngestSettings.CAMERA_MAX_WIDTH.at(id), s.get(IngestSettings.MAX_WIDTH)),
                    s.get(IngestSettings.CAMERA_LOOP.at(id), false),
                    s.get(IngestSettings.CAMERA_REALTIME.at(id), false),
                    s.get(IngestSettings.CAMERA_JPEG_QUALITY.at(id), s.get(IngestSettings.JPEG_QUALITY)),
                    s.get(IngestSettings.CAMERA_RECONNECT_INITIAL_MS.at(id), s.get(IngestSettings.RECONNECT_INITIAL_MS)),
                    s.get(IngestSettings.CAMERA_RECONNECT_MAX_MS.at(id), s.get(IngestSettings.RECONNECT_MAX_MS)),
                    opts));
        }
        return out;
    }
}
