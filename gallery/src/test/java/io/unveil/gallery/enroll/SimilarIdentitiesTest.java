package io.unveil.gallery.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.GalleryEntry;
import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarIdentitiesTest {
    static GalleryEntry entry(String id, float... centroid) {
        return new GalleryEntry(id, id.toUpperCase(), centroid, 3, 0.9f, 1, 0, 0, Map.of(), null);
    }

    @Test
    void othersAtOrAboveThePlainThresholdMostSimilarFirstNeverItself() {
        SimilarIdentities s = new SimilarIdentities(null, ThresholdSchedule.fixed(new Thresholds(0.7f, 0.9f, 0.9f, 0.95f, 0.95f)));
        GalleryEntry me = entry("me", 1f, 0f, 0f);
        List<GalleryEntry> gallery = List.of(me, entry("close", 0.8f, 0.6f, 0f), entry("closer", 0.9f, 0.436f, 0f),
                entry("far", 0.6f, 0.8f, 0f), entry("other-size", 1f, 0f));
        List<SimilarIdentities.Similar> r = s.of(me, gallery);
        assertEquals(List.of("closer", "close"), r.stream().map(SimilarIdentities.Similar::identityId).toList(),
                "0.9 and 0.8 clear the plain 0.7, 0.6 does not; the entry itself and a centroid of another size are skipped");
        assertEquals(0.8f, r.get(1).similarity(), 1e-5f);
    }

    @Test
    void comparesInTheRecognizersCentredSpace() {
        // two centroids sharing a large common component: raw cosine 0.98, centred on that component 0
        float[] center = {0f, 0f, 0.9f};
        SimilarIdentities s = new SimilarIdentities(center, ThresholdSchedule.fixed(Thresholds.uniform(0.5f)));
        GalleryEntry a = entry("a", 0.2f, 0f, 0.98f), b = entry("b", 0f, 0.2f, 0.98f);
        assertTrue(s.of(a, List.of(a, b)).isEmpty(), "centred, two different people are not alike");
        assertEquals(1, new SimilarIdentities(null, ThresholdSchedule.fixed(Thresholds.uniform(0.5f))).of(a, List.of(a, b)).size(),
                "uncentred they would be");
    }

    @Test
    void atMostThree() {
        SimilarIdentities s = new SimilarIdentities(null, ThresholdSchedule.fixed(Thresholds.uniform(0.5f)));
        GalleryEntry me = entry("me", 1f, 0f);
        List<GalleryEntry> g = List.of(me, entry("a", 1f, 0.1f), entry("b", 1f, 0.2f), entry("c", 1f, 0.3f), entry("d", 1f, 0.4f));
        assertEquals(List.of("a", "b", "c"), s.of(me, g).stream().map(SimilarIdentities.Similar::identityId).toList());
    }
}
