package io.unveil.research.eval.live;

import io.unveil.core.record.RecognitionEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the pipeline's events and faces to the video's segments by capture time (a file camera stamps frame k at the
 * first frame's capture time + k / fps) and decides each segment (see {@link Decision}). An event whose frame lies in
 * a blank gap (none should: a gap has no face) is mapped through its track when another event or face of that track
 * lies in a segment, else counted as unmapped. Retroactive events (a past sighting matched to a later enrollment) are
 * not decisions on the live video and are left out.
 */
public final class SegmentScorer {
    /**
     * The per-segment results, in segment order, the events that matched no segment, the retroactive ones, and the
     * CHANGED events: all, and those that turned an announced unknown into a name (a visit announced unknown too early);
     * the ENDED events (one per visit) and those that repeat an earlier ENDED's camera and track id (a visit ended twice:
     * a late face re-opened it).
     */
    public record Scored(List<SegmentResult> segments, int unmappedEvents, int retroactiveEvents, int changedEvents,
                         int unknownThenNamed, int endedEvents, int repeatedEnded) {
    }

    private SegmentScorer() {
    }

    /** The video frame a capture time falls on. */
    public static long frameOf(long captureTimeMs, long originMs, double fps) {
        return Math.round((captureTimeMs - originMs) * fps / 1000.0);
    }

    public static Scored score(List<Segment> segments, LiveRecording rec, double fps) {
        Map<Long, Integer> trackSegment = new HashMap<>();
        List<List<LiveRecording.SeenFace>> faces = new ArrayList<>();
        List<List<RecognitionEvent>> events = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            faces.add(new ArrayList<>());
            events.add(new ArrayList<>());
        }
        for (LiveRecording.SeenFace f : rec.faces()) {
            int s = segmentAt(segments, frameOf(f.captureTimeMs(), rec.originMs(), fps));
            if (s < 0) continue;
            faces.get(s).add(f);
            trackSegment.putIfAbsent(f.trackId(), s);
        }
        List<RecognitionEvent> pending = new ArrayList<>();
        int retro = 0;
        for (RecognitionEvent e : rec.events()) {
            if (e.retroactive() || "RETROACTIVE".equals(e.type())) {
                retro++;
                continue;
            }
            int s = segmentAt(segments, frameOf(e.captureTimeMs(), rec.originMs(), fps));
            if (s < 0) {
                pending.add(e);
                continue;
            }
            events.get(s).add(e);
            trackSegment.putIfAbsent(e.trackId(), s);
        }
        int unmapped = 0;
        for (RecognitionEvent e : pending) {
            Integer s = trackSegment.get(e.trackId());
            if (s == null) unmapped++;
            else events.get(s).add(e);
        }
        List<SegmentResult> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) out.add(decide(segments.get(i), events.get(i), faces.get(i), rec, fps));
        int changed = 0, unknownThenNamed = 0, ended = 0, repeatedEnded = 0;
        Map<String, RecognitionEvent> lastOfVisit = new HashMap<>();
        Set<String> endedTracks = new HashSet<>();
        for (RecognitionEvent e : rec.events()) {
            if (e.retroactive() || "RETROACTIVE".equals(e.type())) continue;
            String track = e.cameraId() + "/" + e.trackId();
            RecognitionEvent before = lastOfVisit.put(track, e);
            if ("ENDED".equals(e.type())) {
                ended++;
                if (!endedTracks.add(track)) repeatedEnded++;
            }
            if (!"CHANGED".equals(e.type())) continue;
            changed++;
            if (before != null && before.unknownId() != null && e.identityId() != null) unknownThenNamed++;
        }
        return new Scored(List.copyOf(out), unmapped, retro, changed, unknownThenNamed, ended, repeatedEnded);
    }

    static int segmentAt(List<Segment> segments, long frame) {
        for (int i = 0; i < segments.size(); i++) if (segments.get(i).contains(frame)) return i;
        return -1;
    }

    /** The decision on one segment from its events (any order). */
    static SegmentResult decide(Segment seg, List<RecognitionEvent> evs, List<LiveRecording.SeenFace> faces, LiveRecording rec, double fps) {
        evs = new ArrayList<>(evs);
        evs.sort(Comparator.comparingLong(RecognitionEvent::captureTimeMs));
        String expected = seg.enrolled() ? rec.galleryIds().get(seg.identity()) : null;
        RecognitionEvent wrong = null, right = null, unknown = null, firstRight = null;
        Set<Long> tracks = new HashSet<>();
        boolean inpainted = false;
        for (RecognitionEvent e : evs) {
            tracks.add(e.trackId());
            inpainted |= e.inpainted();
            boolean named = e.identityId() != null && e.unknownId() == null;
            if (named && !e.identityId().equals(expected)) {
                if (wrong == null) wrong = e;
            } else if (named) {
                right = e;
                if (firstRight == null) firstRight = e;
            } else {
                unknown = e;
                if (!seg.enrolled() && firstRight == null) firstRight = e;
            }
        }
        for (LiveRecording.SeenFace f : faces) tracks.add(f.trackId());
        Decision d = wrong != null ? Decision.WRONG : right != null ? Decision.CORRECT : unknown != null ? Decision.UNKNOWN : Decision.NO_EVENT;
        RecognitionEvent decisive = wrong != null ? wrong : right != null ? right : unknown;
        if (d == Decision.WRONG) firstRight = null;
        double startMs = rec.originMs() + seg.startFrame() * 1000.0 / fps;
        double firstRightS = firstRight == null ? Double.NaN : (firstRight.captureTimeMs() - startMs) / 1000.0;
        byte[] aligned = null, repaired = null;
        if (decisive != null && decisive.thumbnails() != null) {
            aligned = decisive.thumbnails().aligned();
            repaired = decisive.thumbnails().repaired();
        }
        if (aligned == null && !faces.isEmpty()) aligned = faces.get(0).alignedPng();
        boolean named = decisive != null && decisive.unknownId() == null;
        RecognitionEvent first = evs.stream().filter(e -> "FIRST".equals(e.type()) && e.visit() != null).findFirst().orElse(null);
        return new SegmentResult(seg, d, named ? decisive.identityId() : null, named ? decisive.name() : null,
                decisive == null ? Double.NaN : decisive.similarity(), firstRightS, evs.size(), faces.size(), tracks.size(), inpainted, aligned, repaired,
                first == null ? Double.NaN : first.frames(), first == null ? Double.NaN : first.captureTimeMs() - first.visit().startMs());
    }
}
