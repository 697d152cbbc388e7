package io.unveil.recognize.stage;

import io.micrometer.core.instrument.MeterRegistry;
import io.unveil.core.metrics.Metrics;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.runtime.Outcome;
import io.unveil.core.runtime.DeadLetterSink;
import io.unveil.core.serde.JsonSerde;
import io.unveil.core.topic.Topic;
import io.unveil.core.topic.Topics;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.match.GalleryIndex;
import io.unveil.recognize.match.OpenSetPolicy;
import io.unveil.recognize.track.TrackFusion;
import io.unveil.recognize.track.TrackState;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.LoggerFactory;

/**
 * The recognition topology:
 * <pre>
 * unveil.gallery ──(global store + matcher snapshot)────────────────────────────┐
 * faces ─► embed ─► fuse per visit ─► match ─► decision ─► (1 partition, in order) anonymous id if unknown ─► unveil.events
 *                                    ├─ ended visits ─► unveil.faces.history ─► history store ─► retroactive ─► unveil.events
 *                                    └─ bad faces ─► unveil.dlq
 * </pre>
 */
public final class RecognizeTopology {
    public static final String GALLERY_STORE = "recognize-gallery";
    public static final String TRACK_STORE = "recognize-tracks";
    /** Tracker tracks whose visit ended by the gap rule (camera/track -> last capture ms), see EndedVisits. */
    public static final String ENDED_STORE = "recognize-ended-visits";
    public static final String UNKNOWN_STORE = "recognize-unknowns";
    public static final String HISTORY_STORE = "recognize-history";

    private RecognizeTopology() {
    }

    /** Builds into {@code builder} with the process-wide metrics registry; returns the gallery index it matches against. */
    public static GalleryIndex buildTopology(StreamsBuilder builder, RecognizeConfig config, Embedder embedder) {
        return buildTopology(builder, config, embedder, Metrics.registry());
    }

    /**
     * As {@link #buildTopology(StreamsBuilder, RecognizeConfig, Embedder, MeterRegistry, DeadLetterSink)} with bad
     * gallery records only logged (at ERROR, with the record): for tests and tools that have no broker producer.
     */
    public static GalleryIndex buildTopology(StreamsBuilder builder, RecognizeConfig config, Embedder embedder,
                                             MeterRegistry registry) {
        return buildTopology(builder, config, embedder, registry,
                d -> LoggerFactory.getLogger(RecognizeTopology.class).error("no dead-letter sink; rejected gallery record: {}", d));
    }

    /** @param galleryDeadLetters where the global gallery store sends records of {@code unveil.gallery} it rejects */
    public static GalleryIndex buildTopology(StreamsBuilder builder, RecognizeConfig config, Embedder embedder,
                                             MeterRegistry registry, DeadLetterSink galleryDeadLetters) {
        GalleryIndex index = new GalleryIndex(config.center(), config.schedule(), config.occlusionCentroids());
        RecognizeMetrics metrics = new RecognizeMetrics(registry, index, config.perIdentityMetrics());
        OpenSetPolicy policy = new OpenSetPolicy(config.threshold(), config.minMargin());
        TrackFusion fusion = new TrackFusion(policy, config.decisionRule());
        Map<String, String> versions = Map.of("embedder", embedder.modelVersion(), "threshold",
                config.threshold() + " (" + config.thresholdSource() + ")"
                        + (config.schedule().visitFar() > 0 ? ", visit-far " + config.schedule().visitFar() + " over the gallery" : ""));

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GALLERY_STORE), Serdes.String(),
                        new JsonSerde<>(GalleryEntry.class)).withLoggingDisabled(),
                Topics.GALLERY.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new GalleryUpdater(index, GALLERY_STORE, galleryDeadLetters));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRACK_STORE), Serdes.String(),
                new JsonSerde<>(TrackState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENDED_STORE), Serdes.String(),
                Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(UNKNOWN_STORE), Serdes.String(),
                Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY_STORE), Serdes.String(),
                Serdes.ByteArray()));

        Produced<String, RecognitionEvent> toEvents = Topics.EVENTS.produced();
        KStream<String, Outcome<Routed>> outcomes = builder.stream(config.inputTopic(), Topics.FACES.consumed())
                .process(() -> new FaceProcessor(embedder, index, fusion, config, metrics, TRACK_STORE, ENDED_STORE),
                        TRACK_STORE, ENDED_STORE);
        KStream<String, Routed> routed = Outcome.split(outcomes, "recognize-", "routed");
        JsonSerde<HistoryRecord> historySerde = new JsonSerde<>(HistoryRecord.class);
        routed.filter((k, v) -> v.history() != null)
                .mapValues(v -> historySerde.serializer().serialize(Topics.FACE_HISTORY.name(), v.history()))
                .to(Topics.FACE_HISTORY.name(), Topics.FACE_HISTORY.produced());

        // every decision, named or not, takes the same single-partition path, so a visit's events stay in order
        routed.filter((k, v) -> v.decision() != null).mapValues(Routed::decision)
                .selectKey((k, d) -> "decisions")
                .repartition(Repartitioned.<String, Decision>with(Serdes.String(), new JsonSerde<>(Decision.class))
                        .withName("recognize-decisions").withNumberOfPartitions(1))
                .process(() -> new UnknownProcessor(UNKNOWN_STORE, config.unknownJoin(), config.maxUnknownClusters()),
                        UNKNOWN_STORE)
                .to(Topics.EVENTS.name(), toEvents);

        builder.stream(Topics.FACE_HISTORY.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new RetroactiveProcessor(index, policy, config, HISTORY_STORE, versions), HISTORY_STORE)
                .to(Topics.EVENTS.name(), toEvents);
        return index;
    }

    /** The history topic with the configured retention (for topic creation by the spine). */
    public static Topic<String, byte[]> historyTopic(RecognizeConfig config) {
        Topic<String, byte[]> t = Topics.FACE_HISTORY;
        return new Topic<>(t.name(), t.keySerde(), t.valueSerde(), t.partitions(), false, config.historyRetention());
    }
}
