package io.unveil.research.train.occlusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.data.TestFaces;
import io.unveil.research.eval.occlusion.MaskMetrics;
import io.unveil.research.occluders.FacePatchSource;
import io.unveil.research.occluders.MaskTextures;
import io.unveil.research.occluders.Occluded;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import io.unveil.research.occluders.PatchSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcclusionValidationTest {
    private static List<AlignedFace> faces() {
        List<AlignedFace> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) out.add(new AlignedFace(TestFaces.synthetic(i), MeanFace.landmarks128(), "id" + i, "f" + i));
        return out;
    }

    @Test
    void perfectPredictorScoresOneAndBlindPredictorZero() {
        Occluders occ = new Occluders(MaskTextures.none(), PatchSource.NONE);
        List<AlignedFace> faces = faces();
        // an oracle: re-draws the same occluder to know the mask (faces are distinct, so look them up by pixels)
        java.util.Map<String, byte[]> truth = new java.util.HashMap<>();
        for (OccluderType t : OccluderType.values())
            for (int i = 0; i < faces.size(); i++) {
                Occluded o = occ.draw(faces.get(i).face(), faces.get(i).landmarks(), t, 7 * 1_000_003L + i);
                truth.put(java.util.Arrays.toString(o.image().data()), o.mask());
            }
        var perfect = OcclusionValidation.evaluate(batch -> {
            float[][] p = new float[batch.size()][];
            for (int k = 0; k < p.length; k++) {
                byte[] m = truth.getOrDefault(java.util.Arrays.toString(batch.get(k).data()), new byte[128 * 128]);
                p[k] = new float[m.length];
                for (int i = 0; i < m.length; i++) p[k][i] = m[i];
            }
            return p;
        }, faces, occ, 7, 4, 0.5f);
        assertEquals(1.0, perfect.blockIou(), 1e-9);
        assertEquals(1.0, perfect.realisticIou(), 1e-9);
        assertEquals(0.0, perfect.falsePositiveArea(), 1e-9);

        var blind = OcclusionValidation.evaluate(batch -> {
            float[][] p = new float[batch.size()][];
            for (int k = 0; k < p.length; k++) p[k] = filled(1f);
            return p;
        }, faces, occ, 7, 4, 0.5f);
        assertEquals(1.0, blind.falsePositiveArea(), 1e-9);
        assertTrue(blind.blockIou() < 0.2, "all-occluded prediction has low IoU with a 48x48 block");
        assertEquals(OccluderType.values().length, blind.iouByType().size());
    }

    @Test
    void iouAndArea() {
        byte[] a = new byte[10], b = new byte[10];
        a[0] = a[1] = 1;
        b[1] = b[2] = 1;
        assertEquals(1 / 3.0, MaskMetrics.iou(a, b), 1e-9);
        assertEquals(1.0, MaskMetrics.iou(new byte[4], new byte[4]));
        assertEquals(0.2, MaskMetrics.area(a), 1e-9);
    }

    @Test
    void patchesComeFromOutsideTheFace() {
        RgbImage f = TestFaces.synthetic(0);
        FacePatchSource src = new FacePatchSource(List.of(f), List.of(MeanFace.landmarks128()));
        assertTrue(src.size() > 0, "the mean face leaves image corners free");
        RgbImage p = src.patch(new java.util.SplittableRandom(1));
        assertTrue(p.width() >= 12 && p.width() == p.height());
    }

    private static float[] filled(float v) {
        float[] f = new float[128 * 128];
        java.util.Arrays.fill(f, v);
        return f;
    }
}
