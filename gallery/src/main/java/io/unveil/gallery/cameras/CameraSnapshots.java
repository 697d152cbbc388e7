package io.unveil.gallery.cameras;

import io.unveil.core.record.Frame;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest frame of each camera, downscaled, for the page's snapshot strip ({@code GET /api/v1/cameras}). One
 * snapshot per camera and at most {@code maxCameras} cameras (a new camera beyond that replaces the one whose frame is
 * oldest: a camera that went away), so memory is bounded by {@code maxCameras} small JPEGs (about 40 KB each at 640 px
 * wide). A frame replaces a camera's snapshot only when it is newer (capture time, then sequence). Readers never wait:
 * the API reads a concurrent map that one writer (the frame sampler) fills.
 */
public final class CameraSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSnapshots.class);
    private final int maxCameras;
    private final Downscaler downscaler;
    private final ConcurrentHashMap<String, Snapshot> latest = new ConcurrentHashMap<>();
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();

    public CameraSnapshots(int maxCameras, Downscaler downscaler) {
        if (maxCameras < 1) throw new IllegalArgumentException("gallery.snapshot-cameras must be at least 1, got " + maxCameras);
        this.maxCameras = maxCameras;
        this.downscaler = downscaler;
    }

    /** Whether a frame with this capture time and sequence would replace the camera's snapshot (no decoding). */
    public boolean isNewer(String cameraId, long captureTimeMs, long sequence) {
        Snapshot old = latest.get(cameraId);
        return old == null || captureTimeMs > old.captureTimeMs()
                || captureTimeMs == old.captureTimeMs() && sequence > old.sequence();
    }

    /**
     * Keeps the frame as its camera's snapshot when it is newer than the one kept; returns whether it did. A frame that
     * is not a readable image is skipped and counted (the detector dead-letters it; the strip keeps the last good one).
     */
    public synchronized boolean offer(Frame f) {
        if (!isNewer(f.cameraId(), f.captureTimeMs(), f.sequence())) {
            stale.incrementAndGet();
            return false;
        }
        Downscaler.Scaled s;
        try {
            s = downscaler.scale(f.jpeg());
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            LOG.debug("no snapshot from frame {} of camera {}: {}", f.sequence(), f.cameraId(), e.getMessage());
            return false;
        }
        if (!latest.containsKey(f.cameraId()) && latest.size() >= maxCameras) {
            latest.values().stream().min(Comparator.comparingLong(Snapshot::captureTimeMs)).ifPresent(old -> {
                latest.remove(old.cameraId());
                evicted.incrementAndGet();
            });
        }
        latest.put(f.cameraId(), new Snapshot(f.cameraId(), f.sequence(), f.captureTimeMs(), s.frameWidth(), s.frameHeight(),
                s.width(), s.height(), s.jpeg()));
        kept.incrementAndGet();
        return true;
    }

    /** The camera's snapshot, or null when none has sent a frame (or it was evicted). */
    public Snapshot get(String cameraId) {
        return cameraId == null ? null : latest.get(cameraId);
    }

    /** Every camera's snapshot, by camera id. */
    public List<Snapshot> list() {
        return latest.values().stream().sorted(Comparator.comparing(Snapshot::cameraId)).toList();
    }

    /** Frames kept as snapshots, skipped as not newer, skipped as unreadable, and cameras evicted for a new one. */
    public long kept() {
        return kept.get();
    }

    public long stale() {
        return stale.get();
    }

    public long unreadable() {
        return unreadable.get();
    }

    public long evicted() {
        return evicted.get();
    }
}
