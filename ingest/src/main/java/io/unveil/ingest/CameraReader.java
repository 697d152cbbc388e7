package io.unveil.ingest;

import io.unveil.core.config.Redact;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import io.unveil.core.record.Frame;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one camera from a {@link FrameSource} (FFmpeg unless told otherwise) and hands JPEG frames to a
 * {@link FrameSink}: frame-rate cap, optional downscale, JPEG encode. A file ends cleanly (or starts over when
 * looped); a live source that fails or ends is reopened after an exponential backoff with jitter, for as long as the
 * reader is not closed.
 */
public final class CameraReader implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraReader.class);

    private final CameraSpec spec;
    private final FrameSource.Factory sources;
    private final FrameSink sink;
    private final IngestMetrics metrics;
    private final Backoff backoff;
    /** Time of the last decoded frame (-1 before the first) and whether the live source is counted as down. */
    private long lastFrameNanos = -1;
    private boolean down;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean finished;
    /** Wall time since which a live source has not been connected (-1 while connected). */
    private volatile long downSinceMs = System.currentTimeMillis();
    private volatile boolean connected;
    private volatile String failure;
    private long sequence;
    /** Capture times of a file camera (see {@link FileClock}); live sources are stamped with the wall clock. */
    private final FileClock fileClock = new FileClock();

    /** A camera read with FFmpeg ({@link FFmpegFrameSource}). */
    public CameraReader(CameraSpec spec, FrameSink sink, IngestMetrics metrics) {
        this(spec, FFmpegFrameSource::new, sink, metrics);
    }

    public CameraReader(CameraSpec spec, FrameSource.Factory sources, FrameSink sink, IngestMetrics metrics) {
        this.spec = spec;
        this.sources = sources;
        this.sink = sink;
        this.metrics = metrics;
        this.backoff = new Backoff(spec.reconnectInitialMs(), spec.reconnectMaxMs(), new Random());
    }

    public CameraSpec spec() {
        return spec;
    }

    @Override
    public void run() {
        Thread.currentThread().setName("camera-" + spec.id());
        try {
            SourceKind kind = spec.kind();
            while (!closed) {
                boolean ended;
                try {
                    ended = readOnce(kind);
                } catch (Exception e) {
                    if (closed) break;
                    if (!kind.live()) {
                        failure = Redact.secrets("camera " + spec.id() + ": cannot read " + spec.url() + ": " + e.getMessage());
                        LOG.error(failure);
                        return;
                    }
                    // the message alone (FFmpeg's words, see FFmpegErrors); the class only when there is no message
                    LOG.warn("camera {}: {}; reconnecting", spec.id(), Redact.secrets(e.getMessage() != null ? e.getMessage() : e.toString()));
                    ended = false;
                }
                if (closed) break;
                if (!kind.live() && ended && !spec.loop()) {
                    finished = true;
                    LOG.info("camera {}: end of file after {} frames", spec.id(), sequence);
                    return;
                }
                if (kind.live()) {
                    if (lastFrameNanos >= 0 && !down) {
                        down = true;
                        metrics.outages.increment();
                        LOG.warn("camera {}: source dropped after frame {}", spec.id(), sequence - 1);
                    }
                    long wait = backoff.nextDelayMs();
                    metrics.reconnects.increment();
                    LOG.info("camera {}: reconnect attempt {} in {} ms", spec.id(), backoff.attempts(), wait);
                    sleep(wait);
                }
            }
        } finally {
            metrics.connected.set(0);
            done.countDown();
        }
    }

    /** Opens the source and reads until it ends (true) or is closed; throws when it cannot be opened or read. */
    private boolean readOnce(SourceKind kind) throws Exception {
        RateLimiter limiter = new RateLimiter(spec.fps());
        try (FrameSource source = sources.create(spec); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            source.open();
            metrics.connected.set(1);
            connected = true;
            downSinceMs = -1;
            long openedNanos = System.nanoTime();
            if (!kind.live()) fileClock.startPass(System.currentTimeMillis(), source.durationUs() / 1000, spec.realtime());
            while (!closed) {
                long t0 = System.nanoTime();
                FrameSource.Picture f = source.next();
                if (f == null) return true;
                metrics.decoded.increment();
                backoff.reset();
                long now = System.nanoTime();
                if (down) {
                    down = false;
                    long gapMs = (now - lastFrameNanos) / 1_000_000;
                    metrics.outage.record(now - lastFrameNanos, TimeUnit.NANOSECONDS);
                    LOG.warn("camera {}: back after a gap of {} ms", spec.id(), gapMs);
                }
                lastFrameNanos = now;
                long mediaUs = f.timestampUs();
                boolean live = kind.live();
                long clockUs = live ? (System.nanoTime() - openedNanos) / 1000 : mediaUs;
                if (!limiter.keep(clockUs)) {
                    metrics.dropped("rate");
                    continue;
                }
                if (!live && spec.realtime()) {
                    long aheadMs = mediaUs / 1000 - (System.nanoTime() - openedNanos) / 1_000_000;
                    if (aheadMs > 0) sleep(aheadMs);
                }
                byte[] jpeg;
                try {
                    jpeg = encode(conv.convert(f.image()));
                } catch (RuntimeException e) {
                    metrics.dropped("convert");
                    LOG.debug("camera {}: frame not convertible: {}", spec.id(), e.toString());
                    continue;
                }
                metrics.decodeLatency.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                if (!live) {
                    long hold = fileClock.waitMs(mediaUs, System.currentTimeMillis());
                    if (hold > 0) sleep(hold);
                }
                long capture = live ? System.currentTimeMillis() : fileClock.stamp(mediaUs);
                sink.send(new Frame(spec.id(), sequence++, capture, jpeg));
            }
            return false;
        } finally {
            metrics.connected.set(0);
            if (connected || downSinceMs < 0) downSinceMs = System.currentTimeMillis();
            connected = false;
        }
    }

    private byte[] encode(Mat frame) {
        if (frame == null || frame.empty()) throw new IllegalStateException("empty frame");
        Mat src = frame;
        Mat scaled = null;
        try {
            if (spec.maxWidth() > 0 && frame.cols() > spec.maxWidth()) {
                int w = spec.maxWidth();
                int h = Math.max(2, (int) Math.round(frame.rows() * (double) w / frame.cols()));
                scaled = new Mat();
                org.bytedeco.opencv.global.opencv_imgproc.resize(frame, scaled, new Size(w, h), 0, 0, INTER_AREA);
                src = scaled;
            }
            try (BytePointer out = new BytePointer(); IntPointer p = new IntPointer(IMWRITE_JPEG_QUALITY, spec.jpegQuality())) {
                if (!imencode(".jpg", src, out, p)) throw new IllegalStateException("JPEG encode failed");
                byte[] b = new byte[(int) out.limit()];
                out.get(b);
                return b;
            }
        } finally {
            if (scaled != null) scaled.close();
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /**
     * This camera for {@code /health}: DOWN when it failed for good (a file that cannot be read); UP when connected,
     * when a file ended normally, or while a live source has been unreachable for less than {@code unhealthyAfterMs};
     * DEGRADED once it has been unreachable longer. Details never contain the URL's credentials.
     */
    public io.unveil.core.metrics.Health health(long unhealthyAfterMs) {
        String f = failure;
        if (f != null) return io.unveil.core.metrics.Health.down(io.unveil.core.config.Redact.secrets(f));
        if (finished) return io.unveil.core.metrics.Health.up("ended after " + sequence + " frames");
        if (connected) return io.unveil.core.metrics.Health.up("connected");
        long since = downSinceMs;
        if (since < 0) return io.unveil.core.metrics.Health.up("connected");
        long ms = System.currentTimeMillis() - since;
        String what = (sequence == 0 ? "not connected yet, trying since " : "reconnecting since ")
                + java.time.Instant.ofEpochMilli(since) + " (" + ms / 1000 + " s)";
        return ms > unhealthyAfterMs && spec.kind().live() ? io.unveil.core.metrics.Health.degraded(what)
                : io.unveil.core.metrics.Health.up(what);
    }

    /** True once a (non-looped) file has been read to its end. */
    public boolean finished() {
        return finished;
    }

    /** Why the reader gave up (a file that cannot be read), or null. */
    public String failure() {
        return failure;
    }

    /** Frames handed to the sink so far. */
    public long frames() {
        return sequence;
    }

    public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    @Override
    public void close() {
        closed = true;
    }
}
