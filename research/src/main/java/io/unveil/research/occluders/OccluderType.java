package io.unveil.research.occluders;

/** The kinds of synthetic occluder {@link Occluders} can draw on an aligned 128x128 face. */
public enum OccluderType {
    /** The ID-GAN paper's protocol: one 48x48 block at a random position, pre-filled white. */
    BLOCK_RANDOM_48(true),
    /** A 48x48 white block at the centre of the aligned face. */
    BLOCK_CENTER(true),
    /** Surgical / respirator mask over nose, mouth and chin (texture PNGs when available, else procedural). */
    MEDICAL_MASK(false),
    /** Cloth mask over nose, mouth and chin with a procedural pattern (stripes, checks, dots, noise). */
    CLOTH_MASK(false),
    /** Dark lenses over both eyes, bridge and temples. */
    SUNGLASSES(false),
    /** Clear glasses: thick rims, bridge and temples only. */
    GLASSES(false),
    /** A skin-tone hand (palm and fingers) over the mouth or the eyes. */
    HAND(false),
    /** A scarf from below the nose to the bottom of the image. */
    SCARF(false),
    /** A hat brim or a hair fringe over the forehead and (part of) the eyes. */
    HAT_HAIR(false),
    /** A phone held at the cheek or a microphone in front of the mouth. */
    PHONE_MIC(false),
    /** A random shape filled with a patch cut from a non-face part of another photo. */
    RANDOM_OBJECT(false),
    /** A random shape filled with a procedural texture (noise, stripes, gradient, checks). */
    RANDOM_TEXTURE(false);

    private final boolean block;

    OccluderType(boolean block) {
        this.block = block;
    }

    /** True for the paper's block protocols (IoU target 0.85), false for realistic occluders (target 0.75). */
    public boolean isBlock() {
        return block;
    }
}
