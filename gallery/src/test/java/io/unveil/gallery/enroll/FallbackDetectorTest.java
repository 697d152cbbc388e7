package io.unveil.gallery.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.FaceChips;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gallery.fallback-detector: asked only for a photo the enrollment detector finds no face in, padded retry included. */
class FallbackDetectorTest {
    /** Finds nothing; counts the calls. */
    static final class Blind implements FaceAnalyzer {
        int calls;

        @Override
        public List<DetectedFace> detect(RgbImage image) {
            calls++;
            return List.of();
        }

        @Override
        public String model() {
            return "blind";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPhotoTheFirstDetectorMissesIsFoundByTheFallback() {
        Blind first = new Blind();
        RealignedLowerTest.OneFace second = new RealignedLowerTest.OneFace();
        RealignedLowerTest.Recording embedder = new RealignedLowerTest.Recording();
        Enroller e = new Enroller(new FaceChips(first, RealignedLowerTest.BOX), embedder, EnrollmentPolicy.defaults(), false, false,
                new FaceChips(second, RealignedLowerTest.BOX));
        List<ImageOutcome> outcomes = new ArrayList<>();
        Enroller.Candidate c = e.gate(RealignedLowerTest.photo(), outcomes);
        assertTrue(c != null, "enrolled through the fallback: " + outcomes);
        assertEquals(2, first.calls, "the photo, then padded");
        assertEquals(1, second.seen.size(), "the fallback sees the unpadded photo first");
        assertEquals(200, second.seen.get(0).width());

        Enroller without = new Enroller(new FaceChips(new Blind(), RealignedLowerTest.BOX), embedder, EnrollmentPolicy.defaults());
        List<ImageOutcome> refused = new ArrayList<>();
        assertEquals(null, without.gate(RealignedLowerTest.photo(), refused));
        assertEquals("no face", refused.get(0).reason());
    }

    @Test
    void aPhotoTheFirstDetectorFindsNeverAsksTheFallback() {
        RealignedLowerTest.OneFace first = new RealignedLowerTest.OneFace();
        Blind second = new Blind();
        Enroller e = new Enroller(new FaceChips(first, RealignedLowerTest.BOX), new RealignedLowerTest.Recording(),
                EnrollmentPolicy.defaults(), false, false, new FaceChips(second, RealignedLowerTest.BOX));
        assertTrue(e.gate(RealignedLowerTest.photo(), new ArrayList<>()) != null);
        assertEquals(0, second.calls);
    }
}
