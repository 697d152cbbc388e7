package io.unveil.ingest;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A camera read with FFmpeg: files, HTTP (MJPEG), RTSP over TCP and V4L2 devices, with socket timeouts on network sources. */
public final class FFmpegFrameSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(FFmpegFrameSource.class);
    /** Socket timeouts for network sources, so a silent camera is detected and reconnected (microseconds). */
    private static final String NET_TIMEOUT_US = "10000000";

    static {
        FFmpegLogs.quiet();
    }

    private final CameraSpec spec;
    private FFmpegFrameGrabber grabber;

    public FFmpegFrameSource(CameraSpec spec) {
        this.spec = spec;
    }

    @Override
    public void open() throws Exception {
        SourceKind kind = spec.kind();
        if (kind == SourceKind.FILE && !Files.isReadable(filePath()))
            throw new FileNotFoundException("file not found or unreadable: " + filePath());
        String source = kind == SourceKind.FILE ? filePath().toString() : sourceUrl(kind);
        grabber = new FFmpegFrameGrabber(source);
        configure(grabber, kind);
        try {
            grabber.start();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw FFmpegErrors.plain("cannot open " + source, e);
        }
    }

    @Override
    public long durationUs() {
        long us = grabber == null ? 0 : grabber.getLengthInTime();
        return us > 0 ? us : -1;
    }

    @Override
    public Picture next() throws Exception {
        while (true) {
            Frame f;
            try {
                f = grabber.grabImage();
            } catch (FFmpegFrameGrabber.Exception e) {
                throw FFmpegErrors.plain("cannot read a frame", e);
            }
            if (f == null) return null;
            if (f.image != null) return new Picture(f, grabber.getTimestamp());
        }
    }

    @Override
    public void close() {
        if (grabber == null) return;
        try {
            grabber.close();
        } catch (Exception e) {
            LOG.debug("camera {}: close: {}", spec.id(), e.toString());
        }
        grabber = null;
    }

    private void configure(FFmpegFrameGrabber g, SourceKind kind) {
        switch (kind) {
            case RTSP -> {
                g.setOption("rtsp_transport", "tcp");
                g.setOption("timeout", NET_TIMEOUT_US);
            }
            case HTTP -> {
                g.setOption("rw_timeout", NET_TIMEOUT_US);
                g.setOption("reconnect", "0");
            }
            case V4L2 -> g.setFormat("video4linux2");
            case FILE -> {
            }
        }
        spec.options().forEach(g::setOption);
    }

    private String sourceUrl(SourceKind kind) {
        if (kind == SourceKind.V4L2 && spec.url().startsWith("v4l2://")) return spec.url().substring("v4l2://".length());
        return spec.url();
    }

    private Path filePath() {
        String u = spec.url();
        return u.startsWith("file://") ? Path.of(java.net.URI.create(u)) : Path.of(u);
    }
}
