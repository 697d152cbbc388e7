package io.unveil.inpaint.stage;

import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;

/** What the inpaint processor emits: a (possibly repaired) face or a dead letter. */
record InpaintOutput(Face face, DeadLetter dead) {
    static InpaintOutput face(Face f) {
        return new InpaintOutput(f, null);
    }

    static InpaintOutput dead(DeadLetter d) {
        return new InpaintOutput(null, d);
    }
}
