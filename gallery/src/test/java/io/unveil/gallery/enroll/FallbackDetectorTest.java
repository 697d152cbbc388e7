package io.unveil.gallery.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.FaceChips;
import io.unveil.gallery.recognize.PhotoRecognizer;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Thresholds;
import io.unveil.recognize.testing.PatternEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gallery.fallback-detector: asked only for a photo the enrollment detector finds no face in, padded retry included;
 * the same for each frame of an enrollment clip and for a photo sent to POST /recognize.
 */
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

    @Test
    void aClipFrameTheFirstDetectorMissesIsFoundByTheFallback(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.avi");
        ClipEnrollerTest.writeClip(clip, 12, 0);
        Blind first = new Blind();
        FaceChips blind = new FaceChips(first, MarkedFaces.CROP);
        Enroller with = new Enroller(blind, new PatternEmbedder(), EnrollmentPolicy.defaults(), false, false,
                MarkedFaces.chips(new MarkedFaces.Analyzer()));
        EnrollmentResult r = new ClipEnroller(with, blind, 12, 6, 10).enroll(clip, null);
        assertTrue(r.ok(), "enrolled through the fallback: " + r.images());
        assertTrue(r.added() >= 4, "the best frames: " + r.added());
        assertEquals(12, first.calls, "the first detector is asked for every frame first");

        Enroller without = new Enroller(blind, new PatternEmbedder(), EnrollmentPolicy.defaults());
        EnrollmentResult refused = new ClipEnroller(without, blind, 12, 6, 10).enroll(clip, null);
        assertTrue(!refused.ok() && refused.images().stream().allMatch(o -> "no face".equals(o.reason())), refused.images().toString());
    }

    @Test
    void aPhotoSentToRecognizeThatTheFirstDetectorMissesIsFoundByTheFallback() {
        ThresholdSchedule schedule = ThresholdSchedule.fixed(Thresholds.uniform(0.5f));
        RealignedLowerTest.OneFace second = new RealignedLowerTest.OneFace();
        PhotoRecognizer with = new PhotoRecognizer(new FaceChips(new Blind(), RealignedLowerTest.BOX),
                new FaceChips(second, RealignedLowerTest.BOX), new RealignedLowerTest.Recording(), schedule, null);
        List<PhotoRecognizer.Found> found = with.recognize(RealignedLowerTest.photo().image(), List.of());
        assertEquals(1, found.size(), "the fallback's face");
        assertEquals(RealignedLowerTest.X, found.get(0).box().x(), 1e-6f);

        PhotoRecognizer without = new PhotoRecognizer(new FaceChips(new Blind(), RealignedLowerTest.BOX),
                new RealignedLowerTest.Recording(), schedule, null);
        assertTrue(without.recognize(RealignedLowerTest.photo().image(), List.of()).isEmpty());

        RealignedLowerTest.OneFace firstFinds = new RealignedLowerTest.OneFace();
        Blind unasked = new Blind();
        new PhotoRecognizer(new FaceChips(firstFinds, RealignedLowerTest.BOX), new FaceChips(unasked, RealignedLowerTest.BOX),
                new RealignedLowerTest.Recording(), schedule, null).recognize(RealignedLowerTest.photo().image(), List.of());
        assertEquals(0, unasked.calls, "a photo the first detector finds never asks the fallback");
    }
}
