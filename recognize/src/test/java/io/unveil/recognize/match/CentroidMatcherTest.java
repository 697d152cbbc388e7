package io.unveil.recognize.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.GalleryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CentroidMatcherTest {
    static GalleryEntry entry(String id, float[] c) {
        return new GalleryEntry(id, id.toUpperCase(), c, 3, 0.8f, 1, 0, 0, Map.of());
    }

    @Test
    void topTwoAndMarginMatchABruteForceLoop() {
        Random r = new Random(1);
        List<GalleryEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            float[] c = new float[16];
            for (int k = 0; k < 16; k++) c[k] = (float) r.nextGaussian() * (1 + i % 3);
            entries.add(entry("id" + i, c));
        }
        CentroidMatcher m = CentroidMatcher.of(entries);
        for (int t = 0; t < 20; t++) {
            float[] q = new float[16];
            for (int k = 0; k < 16; k++) q[k] = (float) r.nextGaussian();
            float best = -2, second = -2;
            String bestId = null;
            for (GalleryEntry e : entries) {
                float s = Vectors.cosine(e.centroid(), q);
                if (s > best) {
                    second = best;
                    best = s;
                    bestId = e.id();
                } else if (s > second) second = s;
            }
            Match got = m.match(q);
            assertEquals(bestId, got.identityId());
            assertEquals(best, got.similarity(), 1e-5);
            assertEquals(best - second, got.margin(), 1e-5);
        }
    }

    @Test
    void blockedScanAgreesWithAPlainLoopAcrossBlocksAndOddDimensions() {
        // 2.5 blocks and a dimension that is not a multiple of the 4-wide unrolling: every tail path is taken
        Random r = new Random(3);
        int n = CentroidMatcher.BLOCK * 2 + CentroidMatcher.BLOCK / 2 + 3, dim = 10;
        List<GalleryEntry> entries = new ArrayList<>();
        float[][] unit = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] c = new float[dim];
            for (int k = 0; k < dim; k++) c[k] = (float) r.nextGaussian();
            entries.add(entry("id" + i, c));
            unit[i] = Vectors.normalized(c);
        }
        CentroidMatcher m = CentroidMatcher.of(entries);
        for (int t = 0; t < 50; t++) {
            // half the probes are near an identity in the last, partial block
            float[] q = new float[dim];
            int near = t % 2 == 0 ? n - 1 - t : r.nextInt(n);
            for (int k = 0; k < dim; k++) q[k] = unit[near][k] + 0.05f * (float) r.nextGaussian();
            float[] qu = Vectors.normalized(q);
            int best = -1;
            float s1 = -2, s2 = -2;
            for (int i = 0; i < n; i++) {
                float s = Vectors.dot(unit[i], qu);
                if (s > s1) {
                    s2 = s1;
                    s1 = s;
                    best = i;
                } else if (s > s2) s2 = s;
            }
            Match got = m.match(q);
            assertEquals("id" + best, got.identityId());
            assertEquals(s1, got.similarity(), 1e-5);
            assertEquals(s2, got.secondSimilarity(), 1e-5);
            assertEquals(s1, m.similarityTo("id" + best, q), 1e-5);
        }
        assertEquals(n, m.size());
    }

    @Test
    void incrementalUpdatesMatchLikeAFullRebuild() {
        // enrollments, re-enrollments, deletions and unusable centroids over ~2.4 blocks, in random order
        Random r = new Random(11);
        int dim = 8, space = 2 * CentroidMatcher.BLOCK + 400;
        GalleryIndex idx = new GalleryIndex();
        java.util.Map<String, GalleryEntry> truth = new java.util.HashMap<>();
        for (int op = 0; op < 6000; op++) {
            String id = "id" + r.nextInt(space);
            int kind = r.nextInt(10);
            if (kind < 7 || truth.isEmpty()) {
                float[] c = new float[dim];
                if (kind != 6) for (int k = 0; k < dim; k++) c[k] = (float) r.nextGaussian(); // kind 6: zero centroid
                GalleryEntry e = entry(id, c);
                idx.apply(id, e);
                truth.put(id, e);
            } else {
                idx.apply(id, null);
                truth.remove(id);
            }
            if (op % 250 == 249) {
                CentroidMatcher rebuilt = CentroidMatcher.of(truth.values());
                CentroidMatcher incremental = idx.snapshot();
                assertEquals(rebuilt.size(), incremental.size(), "matched identities after " + (op + 1) + " operations");
                assertEquals(truth.size(), idx.size());
                for (int q = 0; q < 5; q++) {
                    float[] probe = new float[dim];
                    for (int k = 0; k < dim; k++) probe[k] = (float) r.nextGaussian();
                    Match a = rebuilt.match(probe), b = incremental.match(probe);
                    assertEquals(a.identityId(), b.identityId());
                    assertEquals(a.similarity(), b.similarity(), 1e-5);
                    assertEquals(a.secondSimilarity(), b.secondSimilarity(), 1e-5);
                    assertEquals(a.similarity(), incremental.similarityTo(a.identityId(), probe), 1e-5);
                }
            }
        }
        assertTrue(idx.snapshot().size() > CentroidMatcher.BLOCK, "the sequence must span several blocks");
        for (String id : new java.util.ArrayList<>(truth.keySet())) idx.apply(id, null);
        assertEquals(0, idx.snapshot().size());
        assertTrue(idx.snapshot().match(new float[dim]).isEmpty());
    }

    @Test
    void emptyGalleryAndBadCentroids() {
        assertTrue(CentroidMatcher.EMPTY.match(new float[]{1, 0}).isEmpty());
        CentroidMatcher m = CentroidMatcher.of(List.of(entry("a", new float[]{1, 0}), entry("zero", new float[]{0, 0}),
                entry("wrongdim", new float[]{1, 0, 0})));
        assertEquals(1, m.size());
        Match only = m.match(new float[]{0.5f, 0.5f});
        assertEquals("a", only.identityId());
        assertEquals(-1f, only.secondSimilarity());
    }

    @Test
    void centeringRemovesTheCommonComponentSoFusionSeparatesImpostors() {
        // descriptors = large shared component + identity part + noise (like face-api's, whose impostor cosines are ~0.85)
        Random r = new Random(5);
        float[] common = new float[32];
        for (int k = 0; k < 32; k++) common[k] = 3f * (float) r.nextGaussian();
        List<GalleryEntry> gallery = new ArrayList<>();
        List<float[]> all = new ArrayList<>();
        float[][] ids = new float[10][32];
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 32; k++) ids[i][k] = common[k] + (float) r.nextGaussian();
            gallery.add(entry("p" + i, ids[i]));
            all.add(ids[i]);
        }
        float[] center = Vectors.meanOfNormalized(all);
        float[] stranger = new float[32];
        for (int k = 0; k < 32; k++) stranger[k] = common[k] + (float) r.nextGaussian();
        float plain = CentroidMatcher.of(gallery).match(stranger).similarity();
        float centred = CentroidMatcher.of(gallery, center).match(stranger).similarity();
        assertTrue(plain > 0.8f, "uncentred impostor similarity is high: " + plain);
        assertTrue(centred < 0.6f, "centred impostor similarity: " + centred);
        assertEquals("p3", CentroidMatcher.of(gallery, center).match(ids[3]).identityId());
        assertEquals(1f, CentroidMatcher.of(gallery, center).match(ids[3]).similarity(), 1e-5);
    }

    @Test
    void policyNeedsThresholdAndMargin() {
        OpenSetPolicy p = new OpenSetPolicy(0.6f, 0.05f);
        assertTrue(p.accepts(new Match("a", "A", 0.7f, 0.5f)));
        assertFalse(p.accepts(new Match("a", "A", 0.59f, 0.1f)));
        assertFalse(p.accepts(new Match("a", "A", 0.7f, 0.68f)));
        assertFalse(p.accepts(Match.NONE));
    }

    @Test
    void indexRebuildsSnapshotOnChangeAndLogsNewIds() {
        GalleryIndex idx = new GalleryIndex();
        assertTrue(idx.apply("a", entry("a", new float[]{1, 0})));
        CentroidMatcher before = idx.snapshot();
        assertFalse(idx.apply("a", entry("a", new float[]{0, 1})));
        assertEquals(1f, idx.snapshot().match(new float[]{0, 1}).similarity(), 1e-6);
        assertEquals(1f, before.match(new float[]{1, 0}).similarity(), 1e-6, "old snapshot is immutable");
        idx.apply("a", null);
        assertEquals(0, idx.snapshot().size());
        assertNull(idx.get("a"));
        assertEquals(1, idx.enrolledSince(0).size());
    }
}
