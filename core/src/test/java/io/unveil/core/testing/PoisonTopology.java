package io.unveil.core.testing;

import io.unveil.core.record.GalleryEntry;
import io.unveil.core.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topology with both kinds of poison record, for the dead-letter handler tests: it reads {@link GalleryEntry} JSON
 * (so {@link #GARBAGE} cannot be deserialized), its processor throws on the entry named {@code boom}, and it writes
 * every other entry's name to the output topic.
 */
public final class PoisonTopology {
    /** Not JSON: an open string with a 0xff byte and a NUL. */
    public static final byte[] GARBAGE = {0x7b, 0x22, (byte) 0xff, 0x00};

    private PoisonTopology() {
    }

    public static Topology build(String in, String out) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(in, Consumed.with(Serdes.String(), new JsonSerde<>(GalleryEntry.class)))
                .mapValues(e -> {
                    if (e.name().equals("boom")) throw new IllegalStateException("processor fails on " + e.name());
                    return e.name();
                })
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        return b.build();
    }

    /** A gallery entry named {@code name}, as JSON. */
    public static byte[] entry(String name) {
        return ("{\"id\":\"i\",\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
