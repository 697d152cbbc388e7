package io.unveil.research.eval.occlusion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.inpaint.occlusion.OcclusionResult;
import io.unveil.research.data.TestFaces;
import io.unveil.research.occluders.Occluded;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed weights on real dlib-aligned faces (../shared/data/dlib-johns) with synthetic occluders. */
class BundledEstimatorTest {
    private static OcclusionEstimator est;

    @BeforeAll
    static void load() {
        est = OcclusionEstimator.load(OcclusionEstimator.Options.DEFAULT);
    }

    @AfterAll
    static void close() {
        est.close();
    }

    @Test
    void findsBlocksAndMasksAndLeavesCleanFacesAlone() throws Exception {
        io.unveil.core.testing.TestData.set("dlib-johns");
        List<RgbImage> faces = TestFaces.dlibChips(6);
        assumeFalse(faces.isEmpty(), "skipped: no dlib-johns chips");
        float[] lm = MeanFace.landmarks128();
        List<RgbImage> inputs = new ArrayList<>();
        List<byte[]> truth = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            for (OccluderType t : new OccluderType[]{OccluderType.BLOCK_RANDOM_48, OccluderType.MEDICAL_MASK}) {
                Occluded o = Occluders.apply(faces.get(i), lm, t, 100 + i);
                inputs.add(o.image());
                truth.add(o.mask());
            }
        }
        List<float[]> lms = inputs.stream().map(x -> lm).toList();
        List<OcclusionResult> rs = est.estimate(inputs, lms);
        double iou = 0;
        for (int i = 0; i < rs.size(); i++) {
            iou += MaskMetrics.iou(rs.get(i).mask(), truth.get(i));
            assertTrue(rs.get(i).occluded(), "occluded face " + i + " not routed");
        }
        iou /= rs.size();
        assertTrue(iou > 0.7, "mean IoU on occluded dlib chips " + iou);

        List<OcclusionResult> clean = est.estimate(faces, faces.stream().map(x -> lm).toList());
        double fp = 0;
        for (OcclusionResult r : clean) fp += MaskMetrics.area(r.mask());
        assertTrue(fp / clean.size() < 0.05, "false-positive area on clean chips " + fp / clean.size());
        long routed = clean.stream().filter(OcclusionResult::occluded).count();
        assertFalse(routed > clean.size() / 2, routed + " of " + clean.size() + " clean faces routed to inpainting");
    }
}
