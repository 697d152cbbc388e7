package io.unveil.recognize.stage;

import io.unveil.core.record.RecognitionEvent;
import io.unveil.recognize.track.TrackFusion;
import io.unveil.recognize.unknown.UnknownCluster;
import io.unveil.recognize.unknown.UnknownClusters;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The last step of every decision, named or unknown, in the order the face processor made them: unknown decisions get
 * their anonymous id, named ones pass through. All decisions take this one path (a single partition, all cameras) so
 * the events of a visit reach {@code unveil.events} in order (when only unknown decisions came here, a visit's
 * CHANGED to a name overtook its FIRST unknown by ~190 ms), and the same unknown person seen at two cameras gets the
 * same id. State store: {@code c:<id>} clusters, {@code t:<track>} the id a live visit already got (so its later
 * events keep it), {@code next} the id counter.
 */
final class UnknownProcessor implements Processor<String, Decision, String, RecognitionEvent> {
    private final String storeName;
    private final float join;
    private final int max;
    private ProcessorContext<String, RecognitionEvent> ctx;
    private KeyValueStore<String, byte[]> store;
    private UnknownClusters clusters;

    UnknownProcessor(String storeName, float join, int max) {
        this.storeName = storeName;
        this.join = join;
        this.max = max;
    }

    @Override
    public void init(ProcessorContext<String, RecognitionEvent> context) {
        ctx = context;
        store = context.getStateStore(storeName);
        clusters = new UnknownClusters(join, max);
        List<UnknownCluster> saved = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan("c:", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                saved.add(StateJson.read(kv.value, UnknownCluster.class));
            }
        }
        byte[] next = store.get("next");
        clusters.restore(saved, next == null ? 1 : Long.parseLong(new String(next)));
    }

    @Override
    public void process(Record<String, Decision> r) {
        Decision d = r.value();
        if (d == null) return;
        RecognitionEvent e = d.event();
        String trackEntry = "t:" + d.trackKey();
        if (!d.unknown()) {
            if (TrackFusion.ENDED.equals(e.type())) store.delete(trackEntry);
            ctx.forward(new Record<>(e.cameraId(), e, r.timestamp()));
            return;
        }
        byte[] known = store.get(trackEntry);
        UnknownCluster c;
        if (known != null) {
            c = clusters.update(new String(known), d.fused(), e.cameraId(), e.captureTimeMs());
            if (c == null) c = assign(d, e);
        } else {
            c = assign(d, e);
        }
        store.put("c:" + c.id, StateJson.write(c));
        if (TrackFusion.ENDED.equals(e.type())) store.delete(trackEntry);
        else store.put(trackEntry, c.id.getBytes());
        ctx.forward(new Record<>(e.cameraId(), Events.withUnknownId(e, c.id), r.timestamp()));
    }

    private UnknownCluster assign(Decision d, RecognitionEvent e) {
        UnknownClusters.Assignment a = clusters.assign(d.fused(), e.cameraId(), e.captureTimeMs());
        if (a.evicted() != null) store.delete("c:" + a.evicted().id);
        store.put("next", Long.toString(clusters.nextNumber()).getBytes());
        return a.cluster();
    }
}
