package io.unveil.gallery.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.GalleryEntry;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.FaceChips;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import io.unveil.recognize.match.Vectors;
import io.unveil.recognize.testing.PatternEmbedder;
import io.unveil.recognize.testing.PatternFaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrollerTest {
    PatternEmbedder embedder = new PatternEmbedder();
    Enroller enroller = new Enroller(MarkedFaces.chips(new MarkedFaces.Analyzer()), embedder, EnrollmentPolicy.defaults());

    static Enroller.Input in(String name, Spec... faces) {
        return new Enroller.Input(name, MarkedFaces.image(320, 320, name.hashCode(), faces), null);
    }

    @Test
    void gateGivesAReasonPerImage() {
        List<Enroller.Input> inputs = List.of(
                in("good1.png", Spec.of(1)),
                in("none.png"),
                in("two.png", new Spec(1, 10, 10, 140, false, false), new Spec(2, 160, 160, 140, false, false)),
                in("tiny.png", new Spec(1, 60, 60, 30, false, false)),
                in("blurry.png", new Spec(1, 60, 60, 150, false, true)),
                in("profile.png", new Spec(1, 60, 60, 150, true, false)),
                new Enroller.Input("junk.bin", null, "not decodable"),
                in("good2.png", Spec.of(1)));
        EnrollmentResult r = enroller.enroll(inputs, null);
        Map<String, String> reasons = new java.util.HashMap<>();
        for (ImageOutcome o : r.images()) reasons.put(o.source(), o.accepted() ? "ok" : o.reason());
        assertEquals(Map.of("good1.png", "ok", "good2.png", "ok", "none.png", "no face", "two.png", "several faces",
                "tiny.png", "tiny", "blurry.png", "blurry", "profile.png", "profile", "junk.bin", "not an image"), reasons);
        assertEquals(2, r.added());
        assertEquals(2 * 3, embedder.images, "only gated faces are embedded, plain and with the two synthetic occluders, in one batch");
        assertEquals(1, embedder.calls);
        assertTrue(Vectors.cosine(r.centroid(), PatternFaces.centroid(1)) > 0.95f);
    }

    @Test
    void occludedCentroidsAreStoredPerRegionAndMergedIntoOldEntries() {
        EnrollmentResult r = enroller.enroll(List.of(in("a.png", Spec.of(1)), in("b.png", Spec.of(1))), null);
        assertEquals(java.util.Set.of("lower", "eyes"), r.occludedCentroids().keySet());
        // what the occluders cover is SyntheticOccluderTest's (these test faces' landmarks are a few marks, not a face)
        for (float[] oc : r.occludedCentroids().values()) assertEquals(r.centroid().length, oc.length);
        // an entry enrolled before occluded centroids existed gets them from the photos added now
        GalleryEntry old = new GalleryEntry("p1", "P", r.centroid(), r.count(), 0.8f, 1, 0, 0, Map.of());
        EnrollmentResult added = enroller.enroll(List.of(in("c.png", Spec.of(1))), old);
        assertEquals(java.util.Set.of("lower", "eyes"), added.occludedCentroids().keySet());
        // and an entry that has them merges the new photo's weighted by its count
        GalleryEntry withOcc = new GalleryEntry("p1", "P", r.centroid(), r.count(), 0.8f, 1, 0, 0, Map.of(), r.occludedCentroids());
        EnrollmentResult merged = enroller.enroll(List.of(in("c.png", Spec.of(1))), withOcc);
        float[] expected = new float[r.centroid().length];
        Vectors.addScaled(expected, r.occludedCentroids().get("lower"), r.count());
        Vectors.addScaled(expected, added.occludedCentroids().get("lower"), 1f);
        for (int k = 0; k < expected.length; k++) expected[k] /= r.count() + 1;
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, merged.occludedCentroids().get("lower"), 1e-5f);

        Enroller off = new Enroller(MarkedFaces.chips(new MarkedFaces.Analyzer()), new PatternEmbedder(), EnrollmentPolicy.defaults(), false);
        assertNull(off.enroll(List.of(in("a.png", Spec.of(1))), null).occludedCentroids());
    }

    /** A detector that needs a margin around the face (as face-api's does on tight portraits) finds it on the retry. */
    @Test
    void aTightPortraitIsRetriedWithAMargin() {
        MarkedFaces.Analyzer marked = new MarkedFaces.Analyzer();
        int pad = 320 / 4;
        FaceAnalyzer needsMargin = new FaceAnalyzer() {
            @Override
            public List<DetectedFace> detect(RgbImage img) {
                if (img.width() == 320) return List.of();
                return marked.detect(Images.crop(img, pad, pad, 320, 320)).stream().map(f -> {
                    float[] lm = f.landmarks().clone();
                    for (int i = 0; i < lm.length; i++) lm[i] += pad;
                    Box b = f.box();
                    return new DetectedFace(new Box(b.x() + pad, b.y() + pad, b.width(), b.height()), f.score(), lm);
                }).toList();
            }

            @Override
            public String model() {
                return "needs-margin";
            }

            @Override
            public void close() {
            }
        };
        Enroller tight = new Enroller(new FaceChips(needsMargin, MarkedFaces.CROP), embedder, EnrollmentPolicy.defaults());
        EnrollmentResult r = tight.enroll(List.of(in("portrait.png", Spec.of(1)), in("empty.png")), null);
        Map<String, String> reasons = new java.util.HashMap<>();
        for (ImageOutcome o : r.images()) reasons.put(o.source(), o.accepted() ? "ok" : o.reason());
        assertEquals(Map.of("portrait.png", "ok", "empty.png", "no face"), reasons);
        assertTrue(Vectors.cosine(r.centroid(), PatternFaces.centroid(1)) > 0.95f, "the portrait's face is enrolled");
    }

    @Test
    void aSmallBackgroundFaceDoesNotBlockEnrollment() {
        EnrollmentResult r = enroller.enroll(List.of(in("bg.png", new Spec(1, 10, 10, 160, false, false),
                new Spec(2, 230, 230, 60, false, false))), null);
        assertEquals(1, r.added());
        assertTrue(Vectors.cosine(r.centroid(), PatternFaces.centroid(1)) > 0.9f, "the large face is enrolled");
    }

    @Test
    void outliersAreDroppedAndAddingImagesUpdatesTheCentroid() {
        List<Enroller.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) inputs.add(in("a" + i + ".png", Spec.of(1)));
        inputs.add(in("wrong-person.png", Spec.of(7)));
        EnrollmentResult r = enroller.enroll(inputs, null);
        ImageOutcome wrong = r.images().stream().filter(o -> o.source().equals("wrong-person.png")).findFirst().orElseThrow();
        assertEquals("outlier", wrong.status());
        assertEquals("outlier", wrong.reason());
        assertEquals(4, r.count());
        GalleryEntry e = new GalleryEntry("a", "A", r.centroid(), r.count(), r.meanQuality(), 1, 0, 0, Map.of());
        EnrollmentResult more = enroller.enroll(List.of(in("a9.png", Spec.of(1)), in("b.png", Spec.of(8))), e);
        assertEquals(5, more.count());
        assertEquals(1, more.added());
        assertTrue(Vectors.cosine(more.centroid(), PatternFaces.centroid(1)) > 0.95f);
    }

    @Test
    void nothingUsableMeansNoCentroid() {
        EnrollmentResult r = enroller.enroll(List.of(in("none.png")), null);
        assertNull(r.centroid());
        assertEquals(0, r.added());
    }

    @Test
    void robustMeanTrimsTheLeastSimilar() {
        List<float[]> v = List.of(new float[]{1, 0}, new float[]{1, 0.05f}, new float[]{1, -0.05f}, new float[]{1, 0.3f},
                new float[]{1, 0.01f});
        RobustMean.Result r = RobustMean.of(v, 0.5f, 0.2f, null, 0);
        assertEquals("trimmed", r.dropped()[3]);
        assertEquals(4, r.count());
    }
}
