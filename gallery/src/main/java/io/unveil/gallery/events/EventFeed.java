package io.unveil.gallery.events;

import io.unveil.core.record.RecognitionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Recent recognition events for the API: a bounded buffer for queries and live subscribers (Server-Sent Events).
 * Fed by {@link KafkaEventSource} from {@code unveil.events}.
 */
public final class EventFeed {
    private final int capacity;
    private final Deque<RecognitionEvent> recent = new ArrayDeque<>();
    private final Set<Consumer<RecognitionEvent>> subscribers = ConcurrentHashMap.newKeySet();

    public EventFeed(int capacity) {
        this.capacity = capacity;
    }

    public void publish(RecognitionEvent e) {
        synchronized (recent) {
            recent.addLast(e);
            while (recent.size() > capacity) recent.removeFirst();
        }
        for (Consumer<RecognitionEvent> s : subscribers) {
            try {
                s.accept(e);
            } catch (RuntimeException ex) {
                subscribers.remove(s);
            }
        }
    }

    /** Newest first, at most {@code limit}, filtered. */
    public List<RecognitionEvent> query(Predicate<RecognitionEvent> filter, int limit) {
        List<RecognitionEvent> out = new ArrayList<>();
        synchronized (recent) {
            var it = recent.descendingIterator();
            while (it.hasNext() && out.size() < limit) {
                RecognitionEvent e = it.next();
                if (filter.test(e)) out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public Runnable subscribe(Consumer<RecognitionEvent> s) {
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    public int subscribers() {
        return subscribers.size();
    }
}
