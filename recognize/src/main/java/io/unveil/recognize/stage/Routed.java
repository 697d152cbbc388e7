package io.unveil.recognize.stage;

/** A result of the face processor (beside its dead letters, see {@code Outcome}): a decision or a history record. */
record Routed(Decision decision, HistoryRecord history) {
    static Routed of(Decision d) {
        return new Routed(d, null);
    }

    static Routed of(HistoryRecord h) {
        return new Routed(null, h);
    }
}
