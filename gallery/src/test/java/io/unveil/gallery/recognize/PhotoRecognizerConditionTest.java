package io.unveil.gallery.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.Occlusion;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.FaceChips;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.inpaint.stage.OcclusionStep;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /recognize judges a face as the camera pipeline does: an occluded face (the occlusion step says so) is held to
 * the occluded threshold and compared with the occlusion-matched centroid of its region; a plain face to the plain one.
 */
class PhotoRecognizerConditionTest {
    /** Plain 0.70, occluded 0.75, occluded against the matched centroid 0.78 (repaired alike). */
    static final Thresholds T = new Thresholds(0.70f, 0.75f, 0.75f, 0.78f, 0.78f);
    /** The probe: cosine 0.6 with Ada's plain centroid (e0), 0.8 with her masked one (e1). */
    static final float[] PROBE = {0.6f, 0.8f, 0f};
    static final GalleryEntry ADA = new GalleryEntry("ada", "Ada", new float[]{1f, 0f, 0f}, 3, 0.9f, 1, 0, 0, Map.of(),
            Map.of("lower", new float[]{0f, 1f, 0f}));

    static final class OneFace implements FaceAnalyzer {
        @Override
        public List<DetectedFace> detect(RgbImage image) {
            float[] lm = MeanFace.landmarks(150);
            for (int i = 0; i < lm.length; i++) lm[i] += 25;
            return List.of(new DetectedFace(new Box(25, 25, 150, 150), 0.99f, lm));
        }

        @Override
        public String model() {
            return "one-face";
        }

        @Override
        public void close() {
        }
    }

    static final class Fixed implements Embedder {
        @Override
        public float[][] embed(List<RgbImage> chips) {
            float[][] out = new float[chips.size()][];
            for (int i = 0; i < out.length; i++) out[i] = PROBE.clone();
            return out;
        }

        @Override
        public String modelVersion() {
            return "fixed";
        }

        @Override
        public void close() {
        }
    }

    /** The estimator double: the mask over the nose and mouth, as a medical mask; counts the aligned faces it sees. */
    static final class Masked implements OcclusionStep {
        int calls;
        int size;

        @Override
        public Occlusion estimate(RgbImage aligned, float[] frameLandmarks) {
            calls++;
            size = aligned.width();
            return new Occlusion(new byte[0], 0.4f, 0f, 0.9f, 1f, true, "masked-double");
        }
    }

    static PhotoRecognizer recognizer(OcclusionStep occlusion, boolean matchRegions) {
        FaceChips chips = new FaceChips(new OneFace(), (img, lm) -> img);
        return new PhotoRecognizer(chips, null, new Fixed(), ThresholdSchedule.fixed(T), null, occlusion, matchRegions);
    }

    static PhotoRecognizer.Found one(PhotoRecognizer r) {
        List<PhotoRecognizer.Found> f = r.recognize(new RgbImage(200, 200, new byte[200 * 200 * 3]), List.of(ADA));
        assertEquals(1, f.size());
        return f.get(0);
    }

    @Test
    void aMaskedFaceIsMatchedAgainstTheMaskedCentroidAtTheOccludedThreshold() {
        Masked estimator = new Masked();
        PhotoRecognizer.Found f = one(recognizer(estimator, true));
        assertEquals(1, estimator.calls);
        assertEquals(128, estimator.size, "the estimator sees the face aligned as the detect stage aligns it (FACE_128)");
        assertEquals("occluded", f.condition());
        assertEquals("lower", f.region());
        assertEquals("lower", f.centroid());
        assertEquals(0.78f, f.threshold(), 1e-6f);
        assertEquals(0.8f, f.similarity(), 1e-5f);
        assertTrue(f.known(), "0.80 against the masked centroid clears 0.78: " + f);
        assertEquals("Ada", f.name());
    }

    @Test
    void withoutMatchedCentroidsAMaskedFaceIsHeldToTheOccludedThreshold() {
        PhotoRecognizer.Found f = one(recognizer(new Masked(), false));
        assertEquals("occluded", f.condition());
        assertEquals("plain", f.centroid());
        assertEquals(0.75f, f.threshold(), 1e-6f);
        assertFalse(f.known(), "0.60 against the plain centroid is under 0.75: " + f);
    }

    @Test
    void withoutAnEstimatorEveryFaceIsPlain() {
        PhotoRecognizer.Found f = one(recognizer(null, true));
        assertEquals("plain", f.condition());
        assertNull(f.region());
        assertEquals(0.70f, f.threshold(), 1e-6f);
        assertFalse(f.known(), "0.60 is under the plain 0.70: " + f);

        OcclusionStep plain = (aligned, lm) -> new Occlusion(null, 0f, 0f, 0f, 0f, false, "plain-double");
        PhotoRecognizer.Found p = one(recognizer(plain, true));
        assertEquals("plain", p.condition());
        assertEquals(0.70f, p.threshold(), 1e-6f);
    }
}
