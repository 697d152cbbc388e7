package io.unveil.deploy.demo;

import io.unveil.core.record.Face;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.topic.Topics;
import io.unveil.deploy.runtime.TopicTail;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code unveil.faces} and {@code unveil.events} (or only the events), committed records only, from the end as
 * of construction, and prints one JSON line per record.
 */
public final class OutputPrinter implements AutoCloseable {
    private final TopicTail tail;
    private final PrintStream out;
    private final Set<Long> tracks = new HashSet<>();
    private long faces;
    private long events;
    private Consumer<Face> faceSink = f -> { };
    private Consumer<RecognitionEvent> eventSink = e -> { };

    /** Faces and events (the demo). */
    public OutputPrinter(Properties clientProps, PrintStream out) {
        this(clientProps, out, true);
    }

    public OutputPrinter(Properties clientProps, PrintStream out, boolean withFaces) {
        this.out = out;
        this.tail = new TopicTail(clientProps, withFaces ? List.of(Topics.FACES.name(), Topics.EVENTS.name()) : List.of(Topics.EVENTS.name()));
    }

    /** Also hands every face and event printed to these (the demo scores its shots with them). */
    public OutputPrinter collect(Consumer<Face> faces, Consumer<RecognitionEvent> events) {
        this.faceSink = faces;
        this.eventSink = events;
        return this;
    }

    /** Prints what arrived within the timeout. */
    public void poll(Duration timeout) {
        tail.poll(timeout, this::print);
        out.flush();
    }

    /** Reads until every partition is at its current end. */
    public void drain() {
        tail.drain(this::print);
        out.flush();
    }

    private void print(ConsumerRecord<String, byte[]> r) {
        if (r.topic().equals(Topics.FACES.name())) {
            Face f = Topics.FACES.valueSerde().deserializer().deserialize(r.topic(), r.value());
            faces++;
            tracks.add(f.trackId());
            out.println(JsonLines.face(f));
            faceSink.accept(f);
        } else {
            RecognitionEvent e = Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            events++;
            out.println(JsonLines.event(e));
            eventSink.accept(e);
        }
    }

    public long faces() {
        return faces;
    }

    public long events() {
        return events;
    }

    public int tracks() {
        return tracks.size();
    }

    @Override
    public void close() {
        tail.close();
    }
}
