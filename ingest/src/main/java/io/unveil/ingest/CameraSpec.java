package io.unveil.ingest;

import io.unveil.core.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One camera: id (the Kafka key of its frames), URL and per-camera options. Read from settings
 * {@code camera.<id>.url}, {@code camera.<id>.fps}, {@code .max-width}, {@code .loop}, {@code .realtime},
 * {@code .jpeg-quality}, {@code .reconnect-initial-ms}, {@code .reconnect-max-ms} and FFmpeg options
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
        return fromSettings(s.with("camera." + id + ".url", url)).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** Parses {@code ID=URL} as given to {@code --camera}. */
    public static String[] parseArg(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0 || eq == arg.length() - 1)
            throw new IllegalArgumentException("--camera expects ID=URL, got '" + arg + "'");
        return new String[]{arg.substring(0, eq).trim(), arg.substring(eq + 1).trim()};
    }

    /** Every camera configured in the settings, in id order. */
    public static List<CameraSpec> fromSettings(Settings s) {
        TreeSet<String> ids = new TreeSet<>();
        for (String key : s.withPrefix("camera.").keySet()) {
            if (key.endsWith(".url")) ids.add(key.substring(0, key.length() - ".url".length()));
        }
        List<CameraSpec> out = new ArrayList<>();
        String credFile = s.string("ingest.credentials-file", null);
        Map<String, String> creds = credFile == null || credFile.isBlank() ? Map.of()
                : CameraCredentials.read(java.nio.file.Path.of(credFile));
        for (String id : ids) {
            String p = "camera." + id + ".";
            Map<String, String> opts = new TreeMap<>(s.withPrefix(p + "option."));
            out.add(new CameraSpec(id, CameraCredentials.apply(s.string(p + "url", null), creds.get(id)),
                    s.decimal(p + "fps", s.decimal("ingest.fps", 10)),
                    s.integer(p + "max-width", s.integer("ingest.max-width", 1280)),
                    s.bool(p + "loop", false),
                    s.bool(p + "realtime", false),
                    s.integer(p + "jpeg-quality", s.integer("ingest.jpeg-quality", 85)),
                    s.longValue(p + "reconnect-initial-ms", s.longValue("ingest.reconnect-initial-ms", 500)),
                    s.longValue(p + "reconnect-max-ms", s.longValue("ingest.reconnect-max-ms", 4_000)),
                    opts));
        }
        return out;
    }
}
