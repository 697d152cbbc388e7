package io.unveil.inpaint.occlusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.inpaint.occlusion.FaceRegions.Region;
import org.junit.jupiter.api.Test;

class MaskCleanupTest {
    private static final int S = 128;
    private static final float[] LM = MeanFace.landmarks128();

    private static void rect(byte[] m, int x0, int y0, int x1, int y1, int v) {
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) m[y * S + x] = (byte) v;
    }

    private static void rect(float[] p, int x0, int y0, int x1, int y1, float v) {
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) p[y * S + x] = v;
    }

    private static int count(byte[] m) {
        int n = 0;
        for (byte b : m) n += b;
        return n;
    }

    @Test
    void hysteresisGrowsConfidentRegionsIntoUnsureNeighboursOnly() {
        float[] p = new float[S * S];
        rect(p, 30, 80, 60, 110, 0.9f);   // confident fabric
        rect(p, 60, 80, 90, 110, 0.3f);   // the same mask where it looks like skin: joined to the confident part
        rect(p, 100, 10, 120, 30, 0.3f);  // unsure and alone (a shadow on a clean face): stays visible
        byte[] plain = MaskCleanup.hysteresis(p, 0.5f, 0.5f, S, S);
        byte[] grown = MaskCleanup.hysteresis(p, 0.5f, 0.2f, S, S);
        assertEquals(30 * 30, count(plain));
        assertEquals(60 * 30, count(grown));
        assertEquals(0, grown[20 * S + 110]);
        // below the low threshold nothing grows
        assertEquals(30 * 30, count(MaskCleanup.hysteresis(p, 0.5f, 0.35f, S, S)));
        // no seed, no mask
        rect(p, 30, 80, 60, 110, 0.45f);
        assertEquals(0, count(MaskCleanup.hysteresis(p, 0.5f, 0.2f, S, S)));
    }

    @Test
    void holesInsideAMaskAreFilledButEyesSeenThroughAGlassesFrameStayVisible() {
        FaceRegions regions = new FaceRegions(LM, S, S);
        byte[] eyes = regions.mask(Region.EYES);
        int minX = S, maxX = 0, minY = S, maxY = 0;
        for (int i = 0; i < eyes.length; i++)
            if (eyes[i] != 0) {
                minX = Math.min(minX, i % S);
                maxX = Math.max(maxX, i % S);
                minY = Math.min(minY, i / S);
                maxY = Math.max(maxY, i / S);
            }
        byte[] m = regions.mask(Region.MOUTH_CHIN);
        int top = (int) LM[2 * 33 + 1] + 4;
        rect(m, 56, top + 8, 72, top + 16, 0); // a pink print inside the mask
        assertTrue(regions.coverage(Region.MOUTH_CHIN, m) < 0.95f);
        rect(m, minX - 4, minY - 4, maxX + 5, maxY + 5, 1);
        rect(m, minX - 2, minY - 2, maxX + 3, maxY + 3, 0); // a glasses frame: the lenses are see-through
        byte[] before = m.clone();
        MaskCleanup.fillEnclosedHoles(m, eyes, S, S);
        assertEquals(1f, regions.coverage(Region.MOUTH_CHIN, m), 1e-6);
        assertEquals(0f, regions.coverage(Region.EYES, m), 1e-6);
        assertEquals(count(before) + 16 * 8, count(m));
        // a region open to the border is not a hole
        byte[] open = new byte[S * S];
        rect(open, 0, 90, 128, 128, 1);
        rect(open, 0, 100, 20, 110, 0);
        byte[] copy = open.clone();
        MaskCleanup.fillEnclosedHoles(open, eyes, S, S);
        assertArrayEquals(copy, open);
    }

    @Test
    void estimatorOptionsApplyHysteresisAndHoleFilling() {
        float[] p = new float[S * S];
        rect(p, 30, 85, 98, 118, 0.9f);
        rect(p, 50, 95, 60, 105, 0.1f);  // a hole
        rect(p, 98, 85, 110, 118, 0.3f); // an unsure edge
        var plain = OcclusionEstimator.summarize(p, LM, OcclusionEstimator.Options.PLAIN);
        var cleaned = OcclusionEstimator.summarize(p, LM, OcclusionEstimator.Options.PLAIN.withMask(0.2f, false, true));
        assertEquals(68 * 33 - 100, count(plain.mask()));
        assertEquals(80 * 33, count(cleaned.mask()));
        assertTrue(cleaned.ratio() > plain.ratio());
        assertFalse(OcclusionEstimator.summarize(new float[S * S], LM, OcclusionEstimator.Options.PLAIN.withMask(0.2f, false, true)).occluded());
    }
}
