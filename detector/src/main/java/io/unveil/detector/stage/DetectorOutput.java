package io.unveil.detector.stage;

import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;

/** What the frame processor emits: a face for {@code unveil.faces} or a dead letter for {@code unveil.dlq}. */
record DetectorOutput(Face face, DeadLetter dead) {
    static DetectorOutput face(Face f) {
        return new DetectorOutput(f, null);
    }

    static DetectorOutput dead(DeadLetter d) {
        return new DetectorOutput(null, d);
    }
}
