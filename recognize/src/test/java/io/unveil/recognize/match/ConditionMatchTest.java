package io.unveil.recognize.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.Face;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.Occlusion;
import io.unveil.core.record.OcclusionRegion;
import io.unveil.recognize.match.ProbeCondition.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Per-condition thresholds, occlusion-matched centroids and the margin of {@link CentroidMatcher#match(float[], ProbeCondition)}. */
class ConditionMatchTest {
    static final Thresholds T = new Thresholds(0.6f, 0.4f, 0.5f, 0.8f, 0.7f);
    static final ProbeCondition OCCLUDED_LOWER = new ProbeCondition(Condition.OCCLUDED, OcclusionRegion.LOWER);

    static float[] unit(double angleDeg) {
        double a = Math.toRadians(angleDeg);
        return new float[]{(float) Math.cos(a), (float) Math.sin(a), 0f};
    }

    static GalleryEntry entry(String id, float[] plain, float[] lower) {
        return new GalleryEntry(id, id.toUpperCase(), plain, 3, 0.8f, 1, 0, 0, Map.of(), lower == null ? null : Map.of("lower", lower));
    }

    @Test
    void theProbesConditionPicksTheThreshold() {
        CentroidMatcher m = CentroidMatcher.of(List.of(entry("a", unit(0), null)), null, T, false);
        OpenSetPolicy policy = new OpenSetPolicy(0.6f, 0f);
        float[] probe = unit(Math.toDegrees(Math.acos(0.45))); // cosine 0.45 to a
        Match plain = m.match(probe, ProbeCondition.PLAIN);
        assertEquals(0.6f, plain.threshold());
        assertFalse(policy.accepts(plain), "0.45 is below the plain threshold");
        Match occluded = m.match(probe, new ProbeCondition(Condition.OCCLUDED, null));
        assertEquals(0.4f, occluded.threshold());
        assertTrue(policy.accepts(occluded), "0.45 clears the occluded threshold (calibrated to the same FAR)");
        assertEquals(0.5f, m.match(probe, new ProbeCondition(Condition.REPAIRED, null)).threshold());
        // a match made without a condition keeps the policy's own threshold
        assertTrue(Float.isNaN(m.match(probe).threshold()));
        assertFalse(policy.accepts(m.match(probe)));
    }

    @Test
    void marginWithOneIdentityIsTheDistanceToTheThreshold() {
        CentroidMatcher m = CentroidMatcher.of(List.of(entry("a", unit(0), null)), null, T, false);
        Match got = m.match(unit(Math.toDegrees(Math.acos(0.711))), ProbeCondition.PLAIN);
        assertEquals(0.711f, got.similarity(), 1e-5);
        assertEquals(-1f, got.secondSimilarity());
        assertEquals(1.711f, got.lead(), 1e-5, "the old margin: the lead over the -1 placeholder");
        assertEquals(0.711f - 0.6f, got.margin(), 1e-5);
        Match below = m.match(unit(Math.toDegrees(Math.acos(0.5))), ProbeCondition.PLAIN);
        assertEquals(-0.1f, below.margin(), 1e-5, "negative below the threshold");
    }

    @Test
    void marginWithTwoIdentitiesIsToTheHigherOfThresholdAndRunnerUp() {
        CentroidMatcher m = CentroidMatcher.of(List.of(entry("a", unit(0), null), entry("b", unit(60), null)), null, T, false);
        Match got = m.match(unit(20), ProbeCondition.PLAIN);
        float sa = (float) Math.cos(Math.toRadians(20)), sb = (float) Math.cos(Math.toRadians(40));
        assertEquals("a", got.identityId());
        assertEquals(sb, got.secondSimilarity(), 1e-5);
        assertEquals(sa - sb, got.margin(), 1e-5, "the runner-up is above the threshold: it bounds the margin");
    }

    @Test
    void anOccludedProbeIsComparedWithTheCentroidOfItsRegionUnderItsThreshold() {
        // a's plain centroid is far from the masked probe, its masked centroid close; b is the other way round but weaker
        GalleryEntry a = entry("a", unit(80), unit(10));
        GalleryEntry b = entry("b", unit(70), unit(90));
        float[] probe = unit(10);
        CentroidMatcher on = CentroidMatcher.of(List.of(a, b), null, T, true);
        Match got = on.match(probe, OCCLUDED_LOWER);
        assertEquals("a", got.identityId());
        assertEquals("lower", got.centroid());
        assertEquals(0.8f, got.threshold(), "the occluded-matched threshold");
        assertEquals(1f, got.similarity(), 1e-5);
        // a clears the matched threshold by 0.2; b's best is plain, cos 60 deg - 0.4 = 0.1 (its matched one: cos 80 deg - 0.8 < 0),
        // on a's scale 0.1 + 0.8
        float bNorm = 0.5f - 0.4f;
        assertEquals(bNorm + 0.8f, got.secondSimilarity(), 1e-5);
        assertEquals(0.1f, got.margin(), 1e-5, "0.2 above the threshold, 0.1 ahead of b");
        // off: plain centroids only, where b wins
        CentroidMatcher off = CentroidMatcher.of(List.of(a, b), null, T, false);
        Match plain = off.match(probe, OCCLUDED_LOWER);
        assertEquals("b", plain.identityId());
        assertEquals("plain", plain.centroid());
        assertEquals(0.4f, plain.threshold());
        // a plain probe never uses an occluded centroid, and an eyes probe has no eyes centroid here
        assertEquals("plain", on.match(probe, ProbeCondition.PLAIN).centroid());
        assertEquals("plain", on.match(probe, new ProbeCondition(Condition.OCCLUDED, OcclusionRegion.EYES)).centroid());
    }

    @Test
    void anEntryWithoutOccludedCentroidsIsMatchedOnItsPlainOne() {
        GalleryEntry old = entry("old", unit(0), null);
        CentroidMatcher on = CentroidMatcher.of(List.of(old), null, T, true);
        Match got = on.match(unit(0), OCCLUDED_LOWER);
        assertEquals("old", got.identityId());
        assertEquals("plain", got.centroid());
        assertEquals(0.4f, got.threshold());
    }

    @Test
    void incrementalUpdatesKeepTheRegionLayersInStep() {
        Random r = new Random(5);
        GalleryIndex idx = new GalleryIndex(null, T, true);
        List<GalleryEntry> live = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            String id = "id" + r.nextInt(40);
            if (r.nextInt(5) == 0) {
                idx.apply(id, null);
                live.removeIf(e -> e.id().equals(id));
            } else {
                GalleryEntry e = entry(id, gaussian(r), r.nextBoolean() ? gaussian(r) : null);
                idx.apply(id, e);
                live.removeIf(x -> x.id().equals(id));
                live.add(e);
            }
        }
        CentroidMatcher rebuilt = CentroidMatcher.of(live, null, T, true);
        for (int t = 0; t < 50; t++) {
            float[] q = gaussian(r);
            Match a = idx.snapshot().match(q, OCCLUDED_LOWER), b = rebuilt.match(q, OCCLUDED_LOWER);
            assertEquals(b.identityId(), a.identityId());
            assertEquals(b.similarity(), a.similarity(), 1e-5);
            assertEquals(b.secondSimilarity(), a.secondSimilarity(), 1e-5);
            assertEquals(b.centroid(), a.centroid());
        }
    }

    @Test
    void aFacesConditionComesFromItsOcclusionAndRepair() {
        Occlusion mask = new Occlusion(null, 0.3f, 0.0f, 0.6f, 0.9f, true, "m");
        Occlusion glasses = new Occlusion(null, 0.2f, 0.7f, 0.1f, 0.0f, true, "m");
        assertEquals(ProbeCondition.PLAIN, ProbeCondition.of(face(null, false)));
        assertEquals(ProbeCondition.PLAIN, ProbeCondition.of(face(new Occlusion(null, 0.01f, 0, 0, 0, false, "m"), false)));
        assertEquals(OCCLUDED_LOWER, ProbeCondition.of(face(mask, false)));
        assertEquals(new ProbeCondition(Condition.REPAIRED, OcclusionRegion.LOWER), ProbeCondition.of(face(mask, true)));
        assertEquals(new ProbeCondition(Condition.OCCLUDED, OcclusionRegion.EYES), ProbeCondition.of(face(glasses, false)));
    }

    @Test
    void aTrackIsMatchedUnderTheConditionOfMostOfItsFrames() {
        ConditionTally t = new ConditionTally();
        assertEquals(ProbeCondition.PLAIN, t.majority());
        t.add(ProbeCondition.PLAIN);
        t.add(ProbeCondition.PLAIN);
        t.add(new ProbeCondition(Condition.REPAIRED, OcclusionRegion.LOWER));
        assertEquals(ProbeCondition.PLAIN, t.majority(), "one frame the estimator calls occluded does not switch a plain track");
        t.add(new ProbeCondition(Condition.REPAIRED, OcclusionRegion.LOWER));
        t.add(new ProbeCondition(Condition.OCCLUDED, OcclusionRegion.EYES));
        assertEquals(new ProbeCondition(Condition.REPAIRED, OcclusionRegion.LOWER), t.majority());
    }

    static Face face(Occlusion o, boolean inpainted) {
        return new Face("f", "cam", 0, 0, 100, 100, 1, null, 1f, null, null, null, null, o, null, inpainted);
    }

    static float[] gaussian(Random r) {
        float[] v = new float[8];
        for (int k = 0; k < v.length; k++) v[k] = (float) r.nextGaussian();
        return v;
    }
}
