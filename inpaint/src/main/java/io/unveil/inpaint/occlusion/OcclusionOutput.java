package io.unveil.inpaint.occlusion;

import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;

/** What the occlusion processor emits: the face with its occlusion, or a dead letter. */
public record OcclusionOutput(Face face, DeadLetter dead) {
    static OcclusionOutput face(Face f) {
        return new OcclusionOutput(f, null);
    }

    static OcclusionOutput dead(DeadLetter d) {
        return new OcclusionOutput(null, d);
    }
}
