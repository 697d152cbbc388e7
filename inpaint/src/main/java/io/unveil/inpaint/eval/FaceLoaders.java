package io.unveil.inpaint.eval;

/** The face pipelines the evaluation can use. */
public final class FaceLoaders {
    private FaceLoaders() {
    }

    /** Unveil's own detection and alignment. */
    public static FaceLoader detecting() {
        throw new IllegalStateException("face detection + alignment for evaluation needs the detector's aligner (issue 2); pass --aligned for aligned chips");
    }
}
