package io.unveil.core.topic;

import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.Frame;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.FrameSerde;
import io.unveil.core.serde.JsonSerde;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The one catalogue of Unveil's topics: names, serdes, partitions and cleanup policy. */
public final class Topics {
    /** Camera frames, key = camera id (per-camera order), value = JPEG, metadata in headers. */
    public static final Topic<String, Frame> FRAMES =
            new Topic<>("unveil.frames", Serdes.String(), new FrameSerde(), 6, false, Duration.ofHours(1));
    /** Detected, aligned, quality-gated and tracked faces, key = camera id. */
    public static final Topic<String, Face> FACES =
            new Topic<>("unveil.faces", Serdes.String(), new JsonSerde<>(Face.class), 6, false, Duration.ofHours(6));
    /** Faces after occlusion estimation and (when occluded) inpainting, key = camera id. */
    public static final Topic<String, Face> FACES_REPAIRED =
            new Topic<>("unveil.faces.repaired", Serdes.String(), new JsonSerde<>(Face.class), 6, false,
                    Duration.ofHours(6));
    /** Recognition events for consumers, key = camera id. */
    public static final Topic<String, RecognitionEvent> EVENTS =
            new Topic<>("unveil.events", Serdes.String(), new JsonSerde<>(RecognitionEvent.class), 6, false,
                    Duration.ofDays(7));
    /** Enrolled identities, key = identity id, compacted; null value = deleted. */
    public static final Topic<String, GalleryEntry> GALLERY =
            new Topic<>("unveil.gallery", Serdes.String(), new JsonSerde<>(GalleryEntry.class), 1, true, null);
    /** Embeddings of past sightings kept for retroactive search, key = camera id. */
    public static final Topic<String, byte[]> FACE_HISTORY =
            new Topic<>("unveil.faces.history", Serdes.String(), Serdes.ByteArray(), 6, false, Duration.ofDays(7));
    /** Records any stage could not process, with the reason. */
    public static final Topic<String, DeadLetter> DLQ =
            new Topic<>("unveil.dlq", Serdes.String(), new JsonSerde<>(DeadLetter.class), 1, false,
                    Duration.ofDays(14));

    public static final List<Topic<?, ?>> ALL = List.of(FRAMES, FACES, FACES_REPAIRED, EVENTS, GALLERY, FACE_HISTORY, DLQ);

    private Topics() {
    }
}
