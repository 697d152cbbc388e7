package io.unveil.research.train.idgan;

import io.unveil.research.occluders.Occluded;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.util.Arrays;
import java.util.List;

/**
 * Training masks beside the paper's 48x48 block: the realistic synthetic occluders of io.unveil.inpaint.occlusion
 * (masks, glasses, hands, scarves, ...), drawn on the face with its aligned landmarks. Faces without landmarks fall
 * back to the block.
 */
public final class TrainingMasks {
    static final List<OccluderType> REALISTIC = Arrays.stream(OccluderType.values()).filter(t -> !t.name().startsWith("BLOCK"))
            .toList();

    private TrainingMasks() {
    }

    public static MaskSource occluders() {
        return (face, rnd) -> {
            if (face.landmarks() == null) return MaskSource.BLOCK_48.next(face, rnd);
            OccluderType type = REALISTIC.get(rnd.nextInt(REALISTIC.size()));
            Occluded o = Occluders.apply(face.face(), face.landmarks(), type, rnd.nextLong());
            float[] m = new float[o.mask().length];
            for (int i = 0; i < m.length; i++) m[i] = o.mask()[i] != 0 ? 1f : 0f;
            return m;
        };
    }

    /** Random 48x48 blocks only (the paper's protocol). */
    public static MaskSource blocks() {
        return MaskSource.BLOCK_48;
    }

}
