package io.unveil.recognize.stage;

import io.unveil.core.record.DeadLetter;

/** Output of the face processor: exactly one of decision, history record or dead letter. */
record Routed(Decision decision, HistoryRecord history, DeadLetter dead) {
    static Routed of(Decision d) {
        return new Routed(d, null, null);
    }

    static Routed of(HistoryRecord h) {
        return new Routed(null, h, null);
    }

    static Routed of(DeadLetter d) {
        return new Routed(null, null, d);
    }
}
