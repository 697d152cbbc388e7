package io.unveil.research.train.idgan;

import io.unveil.inpaint.occlusion.FaceOcclusionModel;
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
        return occluders(null, 0);
    }

    /**
     * Realistic occluders; with probability {@code estimatedShare} the hole is not the occluder's exact mask but what
     * the occlusion estimator finds on the occluded face (ragged edges, missed or extra pixels: the masks the live
     * inpaint stage sends). An estimate with no hole at all falls back to the exact mask.
     *
     * @param estimator the occlusion estimator (null: exact masks only)
     */
    public static MaskSource occluders(FaceOcclusionModel estimator, float estimatedShare) {
        return (face, rnd) -> {
            if (face.landmarks() == null) return MaskSource.BLOCK_48.next(face, rnd);
            OccluderType type = REALISTIC.get(rnd.nextInt(REALISTIC.size()));
            Occluded o = Occluders.apply(face.face(), face.landmarks(), type, rnd.nextLong());
            byte[] hole = o.mask();
            if (estimator != null && rnd.nextFloat() < estimatedShare) {
                byte[] est = estimator.estimate(List.of(o.image()), List.of(face.landmarks())).get(0).mask();
                int n = 0;
                for (byte b : est) n += b != 0 ? 1 : 0;
                if (n > 0) hole = est;
            }
            float[] m = new float[hole.length];
            for (int i = 0; i < m.length; i++) m[i] = hole[i] != 0 ? 1f : 0f;
            return m;
        };
    }

    /** Random 48x48 blocks only (the paper's protocol). */
    public static MaskSource blocks() {
        return MaskSource.BLOCK_48;
    }

}
