package io.unveil.recognize.stage;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.runtime.DeadLetters;
import io.unveil.core.runtime.Outcome;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.match.CentroidMatcher;
import io.unveil.recognize.match.GalleryIndex;
import io.unveil.recognize.track.EndedVisits;
import io.unveil.recognize.track.TrackDecision;
import io.unveil.recognize.track.TrackFusion;
import io.unveil.recognize.track.TrackState;
import java.time.Duration;
import io.unveil.recognize.track.Visits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per face: decode the recognizer chip, embed it, fuse it into its visit (the visit that follows its tracker track, or
 * one of the camera's visits within the gap that it re-identifies, or a new one; {@link Visits}) and match the fused
 * embedding against the current gallery snapshot; forward a {@link Decision} when an event is due. Visits are kept in
 * the store under {@code camera/visit id}. A visit ends when a later face of its camera is a gap past it, or by a
 * wall-clock punctuation when its camera went quiet (final ENDED event plus a history record for retroactive search).
 * A face of a visit that has already ended (it arrived late: see {@link EndedVisits}) is dropped and counted
 * ({@code unveil.recognize.faces.late}), so a visit has one ENDED event. Null, malformed (see {@link FaceChecks}) and
 * undecodable faces go to the DLQ with the reason.
 */
final class FaceProcessor implements Processor<String, Face, String, Outcome<Routed>> {
    static final int CHIP = 150;
    private final Embedder embedder;
    private final GalleryIndex index;
    private final TrackFusion fusion;
    private final RecognizeConfig config;
    private final RecognizeMetrics metrics;
    private final String storeName;
    private final String endedStoreName;
    private final Map<String, String> versions;
    private ProcessorContext<String, Outcome<Routed>> ctx;
    /** Wall-clock time this processor started its task (see endIdle). */
    private long startedWallMs;
    private KeyValueStore<String, TrackState> tracks;
    /** Per camera: latest capture time and the wall-clock time of its latest face (in memory; see endIdle). */
    private final Map<String, Long> cameraTime = new HashMap<>();
    private final Map<String, Long> cameraWall = new HashMap<>();
    /** Tracks whose visit ended recently, kept in the ended-visits store (see init); 4096 entries of about 100 bytes: under 1 MB per task. */
    static final int MAX_ENDED_VISITS = 4096;
    private EndedVisits endedVisits;
    private static final StringSerializer KEYS = new StringSerializer();

    FaceProcessor(Embedder embedder, GalleryIndex index, TrackFusion fusion, RecognizeConfig config,
                  RecognizeMetrics metrics, String storeName, String endedStoreName) {
        this.embedder = embedder;
        this.index = index;
        this.fusion = fusion;
        this.config = config;
        this.metrics = metrics;
        this.storeName = storeName;
        this.endedStoreName = endedStoreName;
        this.versions = Map.of("embedder", embedder.modelVersion(), "threshold",
                config.threshold() + " (" + config.thresholdSource() + ")");
    }

    @Override
    public void init(ProcessorContext<String, Outcome<Routed>> context) {
        ctx = context;
        // A task whose transaction aborted (a worker killed, a fenced producer) is re-initialized on this same instance
        // with its stores rolled back to the last commit: the in-memory camera clocks must go back too, and the ended
        // tracks are read again from their store, rolled back with the visits. Kept, they ended replayed visits at once
        // (the camera "already" seconds past them) and dropped the visits' replayed faces as late: ClusterFaultTest's
        // killed worker left 4 of 60 tracks with a lone 1-3-face ENDED. The same store carries the marks over a restart
        // or a task move, where marks kept in memory only let a late face open a one-face visit again.
        cameraTime.clear();
        cameraWall.clear();
        endedVisits = new EndedVisits(MAX_ENDED_VISITS, context.getStateStore(endedStoreName));
        startedWallMs = context.currentSystemTimeMs();
        tracks = context.getStateStore(storeName);
        Duration every = Duration.ofMillis(Math.max(100, Math.min(config.idleTimeout().toMillis(), config.quietTimeout().toMillis()) / 2));
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, now -> endIdle());
    }

    @Override
    public void process(Record<String, Face> r) {
        Face f = r.value();
        String problem = FaceChecks.problem(f);
        if (problem != null) {
            dead(r, problem);
            return;
        }
        if (f.chip() == null || f.chip().length == 0) {
            dead(r, "face has no recognizer chip");
            return;
        }
        RgbImage chip;
        try {
            chip = Images.decode(f.chip());
            if (chip.width() != CHIP || chip.height() != CHIP) chip = Images.resize(chip, CHIP, CHIP);
        } catch (RuntimeException e) {
            dead(r, "undecodable recognizer chip: " + e.getMessage());
            return;
        }
        long t0 = System.nanoTime();
        float[] emb = embedder.embed(List.of(chip))[0];
        long t1 = System.nanoTime();
        metrics.embedLatency.record(Duration.ofNanos(t1 - t0));
        metrics.embedded.increment();
        String cam = f.cameraId() == null ? (r.key() == null ? "?" : r.key()) : f.cameraId();
        CentroidMatcher snap = index.snapshot();
        long wall = ctx.currentSystemTimeMs();
        if (f.trackId() < 0) {
            // no tracker: the face is its own one-frame visit, decided and ended at once
            TrackState t = new TrackState(cam, f.trackId(), emb.length);
            addFrame(t, f, emb, wall, snap);
            finish(cam + "/face/" + f.faceId(), t, snap, r.timestamp(), false);
            return;
        }
        cameraTime.merge(cam, f.captureTimeMs(), Math::max);
        cameraWall.put(cam, wall);
        String key = null;
        TrackState t = null;
        List<TrackState> open = new ArrayList<>();
        Map<TrackState, String> keys = new HashMap<>();
        try (KeyValueIterator<String, TrackState> it = tracks.prefixScan(cam + "/", KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, TrackState> kv = it.next();
                if (!cam.equals(kv.value.cameraId)) continue; // another camera whose id starts with this one's
                open.add(kv.value);
                keys.put(kv.value, kv.key);
            }
        }
        // visits of this camera a gap behind this face have ended: their ENDED goes out before this face's decisions
        for (TrackState o : List.copyOf(open)) {
            if (!Visits.ended(o, cameraTime.get(cam), wall, wall, config.idleTimeout().toMillis(), config.quietTimeout().toMillis())) continue;
            open.remove(o);
            finish(keys.get(o), o, snap, Math.max(o.lastCaptureMs, 0), true);
            tracks.delete(keys.get(o));
        }
        if (endedVisits.isLate(cam, f.trackId(), f.captureTimeMs(), config.idleTimeout().toMillis())) {
            // its visit has had its ENDED event: joining a new visit would end that one too (a second ENDED)
            metrics.late.increment();
            return;
        }
        for (TrackState o : open) {
            if (o.detectorTrackId == f.trackId()) {
                t = o;
                key = keys.get(o);
            }
        }
        if (t == null) {
            TrackState back = Visits.rejoin(open, emb, f.captureTimeMs(), config.center(), config.rejoinSimilarity());
            if (back != null) {
                t = back;
                key = keys.get(back);
                t.detectorTrackId = f.trackId();
                t.tracks++;
                metrics.rejoined.increment();
            } else {
                key = cam + "/" + f.trackId();
                t = new TrackState(cam, f.trackId(), emb.length);
            }
        }
        TrackDecision d = addFrame(t, f, emb, wall, snap);
        if (d.emits()) emit(t, d, key, r.timestamp());
        tracks.put(key, t);
    }

    private TrackDecision addFrame(TrackState t, Face f, float[] emb, long wall, CentroidMatcher snap) {
        long m0 = System.nanoTime();
        TrackDecision d = fusion.add(t, f, emb, wall, snap);
        metrics.matchLatency.record(Duration.ofNanos(System.nanoTime() - m0));
        if (fusion.policy().accepts(d.match())) metrics.frameMatches.increment();
        else metrics.frameUnknowns.increment();
        return d;
    }

    private void emit(TrackState t, TrackDecision d, String key, long ts) {
        metrics.event(d.type(), d.unknown() ? null : d.label());
        ctx.forward(new Record<>(t.cameraId, Outcome.of(Routed.of(new Decision(Events.fromTrack(t, d, versions),
                io.unveil.recognize.match.Vectors.centered(d.fused(), config.center()), key,
                d.unknown()))), ts));
    }

    /**
     * @param byGap the visit ended because its camera's capture time moved a gap past it: a later face of its track is
     *              late (out of capture order) and is dropped. A visit ended by the quiet timeout is not remembered:
     *              the wall clock ran on while the pipeline stalled (a rebalance, a restart), the faces that follow are
     *              in order and start a new visit, as ClusterFaultTest's killed worker expects
     */
    private void finish(String key, TrackState t, CentroidMatcher snap, long ts, boolean byGap) {
        TrackDecision d = fusion.end(t, snap);
        if (byGap) endedVisits.ended(t);
        emit(t, d, key, ts);
        ctx.forward(new Record<>(t.cameraId, Outcome.of(Routed.of(new HistoryRecord(Events.id(key, Long.toString(t.firstCaptureMs)),
                t.cameraId, t.trackId, t.firstCaptureMs, t.lastCaptureMs, t.box, t.frames, d.fused(), t.occlusionRatio,
                t.inpainted, d.label(), config.historyThumbnails() ? t.thumbAligned : null, Events.visit(t)))), ts));
    }

    /** Ends the visits whose camera moved a gap past them or went quiet (see {@link Visits#ended}). */
    private void endIdle() {
        long wall = ctx.currentSystemTimeMs();
        long gap = config.idleTimeout().toMillis();
        endedVisits.forget(cameraTime, gap);
        List<KeyValue<String, TrackState>> ended = new ArrayList<>();
        Map<String, Boolean> byGap = new HashMap<>();
        try (KeyValueIterator<String, TrackState> it = tracks.all()) {
            while (it.hasNext()) {
                KeyValue<String, TrackState> kv = it.next();
                TrackState t = kv.value;
                // after a restart or a task move the camera's times are not known yet: the visit's own stand in for
                // them, but its camera counts as heard from when this task started. The previous owner's wall clock
                // ran on through the outage: ClusterFaultTest's worker killed mid-stream had its visits ended quiet on
                // the new owner before their remaining faces were replayed, which then came as late faces of an
                // ended visit (dropped) instead of joining it
                long camTime = cameraTime.getOrDefault(t.cameraId, t.lastCaptureMs);
                long camWall = cameraWall.getOrDefault(t.cameraId, Math.max(t.lastSeenWallMs, startedWallMs));
                if (Visits.ended(t, camTime, wall, camWall, gap, config.quietTimeout().toMillis())) {
                    ended.add(kv);
                    byGap.put(kv.key, camTime - t.lastCaptureMs >= gap);
                }
            }
        }
        if (ended.isEmpty()) return;
        CentroidMatcher snap = index.snapshot();
        for (KeyValue<String, TrackState> kv : ended) {
            finish(kv.key, kv.value, snap, Math.max(kv.value.lastCaptureMs, 0), byGap.get(kv.key));
            tracks.delete(kv.key);
        }
    }

    private void dead(Record<String, Face> r, String reason) {
        metrics.rejected.increment();
        DeadLetter d = DeadLetters.of("recognize", reason, null, ctx.recordMetadata(), r.key(), r.headers(),
                payload(r.value()), r.timestamp());
        ctx.forward(new Record<>(r.key(), Outcome.dead(d), r.timestamp()));
    }

    private static byte[] payload(Face f) {
        try {
            return io.unveil.core.serde.Json.MAPPER.writeValueAsBytes(f);
        } catch (Exception e) {
            return null;
        }
    }
}
