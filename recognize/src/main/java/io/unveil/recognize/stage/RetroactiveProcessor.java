package io.unveil.recognize.stage;

import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.recognize.match.CentroidMatcher;
import io.unveil.recognize.match.GalleryIndex;
import io.unveil.recognize.match.Match;
import io.unveil.recognize.match.OpenSetPolicy;
import io.unveil.recognize.track.TrackFusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes {@code unveil.faces.history} (past sightings: finished tracks' fused embeddings) in a store keyed by capture
 * time, drops sightings older than the retention, and when identities are newly enrolled searches every retained
 * sighting: a sighting whose best match under the current gallery is the new identity (and passes the open-set
 * policy) yields a RETROACTIVE event.
 */
final class RetroactiveProcessor implements Processor<String, byte[], String, RecognitionEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(RetroactiveProcessor.class);
    private final GalleryIndex index;
    private final OpenSetPolicy policy;
    private final RecognizeConfig config;
    private final String storeName;
    private final Map<String, String> versions;
    private ProcessorContext<String, RecognitionEvent> ctx;
    private KeyValueStore<String, byte[]> history;
    private int cursor;

    RetroactiveProcessor(GalleryIndex index, OpenSetPolicy policy, RecognizeConfig config, String storeName,
                         Map<String, String> versions) {
        this.index = index;
        this.policy = policy;
        this.config = config;
        this.storeName = storeName;
        this.versions = versions;
    }

    @Override
    public void init(ProcessorContext<String, RecognitionEvent> context) {
        ctx = context;
        history = context.getStateStore(storeName);
        cursor = index.enrolledCount();
        context.schedule(config.retroactiveEvery(), PunctuationType.WALL_CLOCK_TIME, now -> {
            search();
            expire(now);
        });
    }

    static String key(long captureMs, String sightingId) {
        return String.format("%019d|%s", Math.max(0, captureMs), sightingId);
    }

    @Override
    public void process(Record<String, byte[]> r) {
        if (r.value() == null) return;
        HistoryRecord h;
        try {
            h = StateJson.read(r.value(), HistoryRecord.class);
        } catch (RuntimeException e) {
            LOG.warn("skipping unreadable history record at {}: {}", ctx.recordMetadata().map(Object::toString).orElse("?"), e.getMessage());
            return;
        }
        if (h.embedding() == null || h.sightingId() == null) return;
        history.put(key(h.lastCaptureMs(), h.sightingId()), r.value());
        search();
    }

    private void search() {
        List<GalleryEntry> fresh = index.enrolledSince(cursor);
        if (fresh.isEmpty()) return;
        cursor += fresh.size();
        CentroidMatcher snap = index.snapshot();
        List<KeyValue<String, byte[]>> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = history.all()) {
            while (it.hasNext()) all.add(it.next());
        }
        for (GalleryEntry g : fresh) {
            if (index.get(g.id()) == null) continue; // deleted again meanwhile
            for (KeyValue<String, byte[]> kv : all) {
                HistoryRecord h = StateJson.read(kv.value, HistoryRecord.class);
                if (g.id().equals(h.decidedLabel())) continue;
                Match m = snap.match(h.embedding());
                if (!g.id().equals(m.identityId()) || !policy.accepts(m)) continue;
                // one RETROACTIVE per visit and identity: the stored visit now counts as decided for it, so a later
                // version of the same gallery entry (more photos added) does not announce it again
                history.put(kv.key, StateJson.write(h.decidedAs(g.id())));
                RecognitionEvent e = new RecognitionEvent(Events.id("retro", h.sightingId(), g.id()),
                        TrackFusion.RETROACTIVE, h.cameraId(), h.lastCaptureMs(), h.trackId(), h.box(), g.id(), g.name(),
                        null, m.similarity(), m.margin(), h.frames(), h.occlusionRatio(), h.inpainted(), true, versions,
                        new RecognitionEvent.Thumbnails(h.aligned(), null, null), h.visit());
                ctx.forward(new Record<>(h.cameraId(), e, Math.max(0, h.lastCaptureMs())));
            }
        }
    }

    private void expire(long nowMs) {
        long cutoff = nowMs - config.historyRetention().toMillis();
        if (cutoff <= 0) return;
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = history.range(key(0, ""), key(cutoff, ""))) {
            while (it.hasNext()) old.add(it.next().key);
        }
        old.forEach(history::delete);
    }
}
