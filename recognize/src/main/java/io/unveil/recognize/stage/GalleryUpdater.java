package io.unveil.recognize.stage;

import io.unveil.core.gallery.GalleryRecords;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.runtime.DeadLetterSink;
import io.unveil.recognize.match.GalleryIndex;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintains the global gallery store (the GlobalKTable of {@code unveil.gallery}) and the matcher snapshot built from
 * it. At start-up the restored store is loaded into the index; afterwards every record (tombstone = delete) updates
 * both, so an enrollment or a delete reaches every recognizer without a restart.
 *
 * <p>The source reads raw bytes and decodes here: a global store has no record collector, so Streams' dead-letter
 * deserialization handler cannot run for it (it failed with a ClassCastException and stopped the application). A
 * record that does not decode is published to {@code unveil.dlq} through {@code deadLetters} and the identity keeps
 * its previous entry.
 */
final class GalleryUpdater implements Processor<String, byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(GalleryUpdater.class);
    static final String STAGE = "recognize-gallery";
    private final GalleryIndex index;
    private final String storeName;
    private final DeadLetterSink deadLetters;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, GalleryEntry> store;

    GalleryUpdater(GalleryIndex index, String storeName, DeadLetterSink deadLetters) {
        this.index = index;
        this.storeName = storeName;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(storeName);
        List<GalleryEntry> restored = new ArrayList<>();
        try (KeyValueIterator<String, GalleryEntry> it = store.all()) {
            while (it.hasNext()) {
                try {
                    KeyValue<String, GalleryEntry> kv = it.next();
                    if (kv.value != null) restored.add(kv.value);
                } catch (RuntimeException e) {
                    // a store restored by a version that did not decode first may hold a bad value: skip it (the
                    // iterator has already moved past it), it was dead-lettered when it was read from the topic
                    LOG.warn("{}: skipping an undecodable restored gallery entry: {}", STAGE, e.toString());
                }
            }
        }
        index.load(restored);
    }

    @Override
    public void process(Record<String, byte[]> r) {
        GalleryRecords.Decoded d = GalleryRecords.decode(r.key(), r.value());
        if (d.rejected()) {
            RecordMetadata m = context.recordMetadata().orElse(null);
            LOG.warn("{}: gallery record {}-{}@{} rejected, sent to unveil.dlq: {}", STAGE, m == null ? "?" : m.topic(),
                    m == null ? -1 : m.partition(), m == null ? -1 : m.offset(), d.reason());
            deadLetters.publish(GalleryRecords.deadLetter(STAGE, d.reason(), m == null ? -1 : m.partition(),
                    m == null ? -1 : m.offset(), r.key(), r.value(), r.timestamp(), r.headers()));
            return;
        }
        if (d.tombstone()) store.delete(r.key());
        else store.put(r.key(), d.entry());
        index.apply(r.key(), d.entry());
    }
}
