package io.unveil.inpaint.idgan;

/** Training masks beside the paper's 48x48 block: the synthetic occluders of io.unveil.inpaint.occlusion. */
public final class TrainingMasks {
    private TrainingMasks() {
    }

    /** The occlusion library as a mask source, or null (block masks only) while it is not available. */
    public static MaskSource occluders() {
        return null;
    }
}
