package io.unveil.ingest;

import java.util.Locale;

/** How a camera URL is opened. Files end; every other kind is live and is reconnected when it drops. */
public enum SourceKind {
    FILE, HTTP, RTSP, V4L2;

    public static SourceKind of(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("rtsp://") || u.startsWith("rtsps://")) return RTSP;
        if (u.startsWith("http://") || u.startsWith("https://")) return HTTP;
        if (u.startsWith("v4l2://") || u.startsWith("/dev/video")) return V4L2;
        if (u.contains("://") && !u.startsWith("file://"))
            throw new IllegalArgumentException("unsupported camera URL scheme: " + url
                    + " (use a file path, file://, http(s)://, rtsp:// or /dev/videoN)");
        return FILE;
    }

    public boolean live() {
        return this != FILE;
    }
}
