package io.unveil.recognize.stage;

import io.unveil.core.record.GalleryEntry;
import io.unveil.recognize.match.GalleryIndex;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Maintains the global gallery store (the GlobalKTable of {@code unveil.gallery}) and the matcher snapshot built from
 * it. At start-up the restored store is loaded into the index; afterwards every record (tombstone = delete) updates
 * both, so an enrollment or a delete reaches every recognizer without a restart.
 */
final class GalleryUpdater implements Processor<String, GalleryEntry, Void, Void> {
    private final GalleryIndex index;
    private final String storeName;
    private KeyValueStore<String, GalleryEntry> store;

    GalleryUpdater(GalleryIndex index, String storeName) {
        this.index = index;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        List<GalleryEntry> restored = new ArrayList<>();
        try (KeyValueIterator<String, GalleryEntry> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, GalleryEntry> kv = it.next();
                if (kv.value != null) restored.add(kv.value);
            }
        }
        index.load(restored);
    }

    @Override
    public void process(Record<String, GalleryEntry> r) {
        if (r.key() == null) return;
        if (r.value() == null) store.delete(r.key());
        else store.put(r.key(), r.value());
        index.apply(r.key(), r.value());
    }
}
