package io.unveil.detector.track;

import io.unveil.core.record.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per-camera IoU tracker: each detection joins the live track whose predicted box overlaps it most (greedy, best
 * pairs first, IoU at least {@code minIou}); the rest start new tracks. Tracks unseen for {@code maxGapMs} of capture
 * time end. Pure function of (state, detections, time): the stage keeps the state in a store.
 */
public final class IouTracker {
    private final double minIou;
    private final long maxGapMs;

    public IouTracker(double minIou, long maxGapMs) {
        this.minIou = minIou;
        this.maxGapMs = maxGapMs;
    }

    public record Result(TrackerState state, long[] trackIds) {
    }

    public Result update(TrackerState state, List<Box> detections, long timeMs) {
        List<Track> live = new ArrayList<>();
        for (Track t : state.tracks()) {
            if (Math.abs(timeMs - t.lastSeenMs()) <= maxGapMs) live.add(t);
        }
        record Pair(int det, int track, float iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int d = 0; d < detections.size(); d++) {
            for (int k = 0; k < live.size(); k++) {
                Track t = live.get(k);
                float iou = Math.max(detections.get(d).iou(t.predict(timeMs)), detections.get(d).iou(t.box()));
                if (iou >= minIou) pairs.add(new Pair(d, k, iou));
            }
        }
        pairs.sort(Comparator.comparingDouble((Pair p) -> p.iou).reversed());
        long[] ids = new long[detections.size()];
        boolean[] detDone = new boolean[detections.size()];
        boolean[] trackDone = new boolean[live.size()];
        List<Track> next = new ArrayList<>();
        for (Pair p : pairs) {
            if (detDone[p.det] || trackDone[p.track]) continue;
            detDone[p.det] = true;
            trackDone[p.track] = true;
            Track t = live.get(p.track);
            Box b = detections.get(p.det);
            long dt = timeMs - t.lastSeenMs();
            float vx = 0, vy = 0;
            if (dt > 0) {
                float nvx = ((b.x() + b.width() / 2) - (t.box().x() + t.box().width() / 2)) / dt;
                float nvy = ((b.y() + b.height() / 2) - (t.box().y() + t.box().height() / 2)) / dt;
                vx = t.hits() > 1 ? 0.5f * t.vx() + 0.5f * nvx : nvx;
                vy = t.hits() > 1 ? 0.5f * t.vy() + 0.5f * nvy : nvy;
            }
            next.add(new Track(t.id(), b, vx, vy, Math.max(timeMs, t.lastSeenMs()), t.hits() + 1));
            ids[p.det] = t.id();
        }
        long nextId = state.nextId();
        for (int d = 0; d < detections.size(); d++) {
            if (detDone[d]) continue;
            ids[d] = nextId;
            next.add(new Track(nextId++, detections.get(d), 0, 0, timeMs, 1));
        }
        for (int k = 0; k < live.size(); k++) {
            if (!trackDone[k]) next.add(live.get(k));
        }
        return new Result(new TrackerState(nextId, List.copyOf(next)), ids);
    }
}
