package io.unveil.ingest;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Camera passwords kept out of the camera URLs ({@code ingest.credentials-file}, e.g. the Kubernetes secret
 * {@code camera-credentials}): a properties file of {@code CAMERA_ID=user:password} lines. The credentials are put
 * into that camera's network URL when it has none, so the ConfigMap holds only {@code rtsp://host/stream}; every
 * place that shows a URL redacts them ({@link io.unveil.core.config.Redact}).
 */
final class CameraCredentials {
    private CameraCredentials() {
    }

    static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("ingest.credentials-file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> out = new TreeMap<>();
        for (String id : p.stringPropertyNames()) {
            String v = p.getProperty(id).strip();
            if (!v.contains(":") || v.startsWith(":"))
                throw new IllegalArgumentException("ingest.credentials-file " + file + ": camera '" + id
                        + "' needs user:password (the value is not shown)");
            out.put(id.strip(), v);
        }
        return out;
    }

    /** {@code url} with {@code userPass} as its user-info, unless it is not a network URL or already has one. */
    static String apply(String url, String userPass) {
        if (userPass == null || url == null || !url.matches("(?i)(rtsp|rtsps|http|https)://.*")) return url;
        try {
            URI u = new URI(url);
            if (u.getRawUserInfo() != null) return url;
            int i = url.indexOf("://") + 3;
            String[] up = userPass.split(":", 2);
            return url.substring(0, i) + enc(up[0]) + ":" + enc(up[1]) + "@" + url.substring(i);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("camera URL is not a valid URI (not shown: it may hold credentials)");
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
