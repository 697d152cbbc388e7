package io.unveil.inpaint.occlusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.inpaint.occlusion.FaceRegions.Region;
import org.junit.jupiter.api.Test;

class OcclusionEstimatorTest {
    private static final float[] LM = MeanFace.landmarks128();

    private static float[] probs(byte[] mask) {
        float[] p = new float[mask.length];
        for (int i = 0; i < p.length; i++) p[i] = mask[i] != 0 ? 0.9f : 0.1f;
        return p;
    }

    @Test
    void summaryGivesRegionRatiosAndDecision() {
        byte[] mouth = new FaceRegions(LM, 128, 128).mask(Region.MOUTH);
        OcclusionResult r = OcclusionEstimator.summarize(probs(mouth), LM, OcclusionEstimator.Options.DEFAULT);
        assertEquals(1f, r.mouth(), 1e-6);
        assertEquals(0f, r.eyes(), 1e-6);
        assertTrue(r.ratio() > 0.02 && r.ratio() < 0.3, "ratio " + r.ratio());
        assertTrue(r.occluded());

        OcclusionResult clean = OcclusionEstimator.summarize(probs(new byte[128 * 128]), LM, OcclusionEstimator.Options.DEFAULT);
        assertFalse(clean.occluded());
        assertEquals(0f, clean.ratio());

        // thresholds are configurable: a strict face ratio and region ratio above 1 never route
        OcclusionResult lax = OcclusionEstimator.summarize(probs(mouth), LM, new OcclusionEstimator.Options(0.5f, 0.9f, 1.1f));
        assertFalse(lax.occluded());
        // pixel threshold above every probability: nothing occluded
        OcclusionResult none = OcclusionEstimator.summarize(probs(mouth), LM, new OcclusionEstimator.Options(0.95f, 0.05f, 0.25f));
        assertEquals(0f, none.ratio());
    }

    @Test
    void withoutLandmarksTheRatioIsOverTheImage() {
        byte[] m = new byte[128 * 128];
        for (int i = 0; i < m.length / 4; i++) m[i] = 1;
        OcclusionResult r = OcclusionEstimator.summarize(probs(m), null, OcclusionEstimator.Options.DEFAULT);
        assertEquals(0.25f, r.ratio(), 1e-6);
        assertEquals(0f, r.eyes());
    }

    @Test
    void recordCarriesMaskPng() {
        byte[] mouth = new FaceRegions(LM, 128, 128).mask(Region.MOUTH);
        var rec = OcclusionEstimator.summarize(probs(mouth), LM, OcclusionEstimator.Options.DEFAULT).toRecord("m");
        assertEquals("m", rec.model());
        org.junit.jupiter.api.Assertions.assertArrayEquals(mouth, MaskImages.decodePng(rec.maskPng(), 128, 128));
    }
}
