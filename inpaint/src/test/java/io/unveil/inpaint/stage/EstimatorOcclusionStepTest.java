package io.unveil.inpaint.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Occlusion;
import io.unveil.inpaint.occlusion.FaceOcclusionModel;
import io.unveil.inpaint.occlusion.FaceRegions;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.inpaint.occlusion.OcclusionResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage's occlusion step gives the model the face's landmarks in the aligned face, so region shares are filled. */
class EstimatorOcclusionStepTest {
    /** Says the mouth region of the mean face is occluded, and records the landmarks it was given. */
    static final class MouthModel implements FaceOcclusionModel {
        final List<float[]> seen = new ArrayList<>();

        @Override
        public List<OcclusionResult> estimate(List<RgbImage> faces, List<float[]> landmarks) {
            seen.add(landmarks.get(0));
            byte[] mouth = new FaceRegions(MeanFace.landmarks128(), 128, 128).mask(FaceRegions.Region.MOUTH);
            float[] p = new float[mouth.length];
            for (int i = 0; i < p.length; i++) p[i] = mouth[i] != 0 ? 0.9f : 0.05f;
            return List.of(OcclusionEstimator.summarize(p, landmarks.get(0), OcclusionEstimator.Options.DEFAULT));
        }

        @Override
        public String model() {
            return "mouth";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void regionSharesComeFromTheFacesOwnLandmarks() {
        float[] lm = MeanFace.landmarks128();
        float[] frame = new float[136];
        for (int i = 0; i < 136; i += 2) {
            frame[i] = lm[i] * 3 + 200;
            frame[i + 1] = lm[i + 1] * 3 + 40;
        }
        MouthModel model = new MouthModel();
        EstimatorOcclusionStep step = new EstimatorOcclusionStep(model);
        RgbImage face = new RgbImage(128, 128, new byte[128 * 128 * 3]);

        Occlusion o = step.estimate(face, frame);
        for (int i = 34; i < 136; i++) assertEquals(lm[i], model.seen.get(0)[i], 1.0f, "aligned landmark value " + i);
        assertTrue(o.mouth() > 0.9f, "mouth share " + o.mouth());
        assertEquals(0f, o.eyes(), 1e-6);
        assertTrue(o.occluded());
        assertEquals("mouth", o.model());

        Occlusion without = step.estimate(face, null);
        assertNull(model.seen.get(1));
        assertEquals(0f, without.mouth(), 1e-6);
    }
}
