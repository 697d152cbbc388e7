package io.unveil.gallery.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.Settings;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.FaceChips;
import io.unveil.detector.stage.DetectorSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gallery finds faces with the networks gallery.detector and gallery.landmarks name, gated by detector.min-score as the detect stage is. */
class GalleryChipsTest {
    /** Two faces, one under the default min-score; records what it was loaded with and whether it was closed. */
    static final class Recorded implements FaceAnalyzer {
        final Settings settings;
        boolean closed;

        Recorded(Settings settings) {
            this.settings = settings;
        }

        @Override
        public List<DetectedFace> detect(RgbImage image) {
            return List.of(new DetectedFace(new Box(10, 10, 40, 40), 0.9f, new float[136]),
                    new DetectedFace(new Box(60, 10, 40, 40), 0.3f, new float[136]));
        }

        @Override
        public String model() {
            return settings.get(DetectorSettings.MODEL);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void enrollmentUsesTheConfiguredDetectorAndDropsFacesUnderItsMinScore() {
        List<Recorded> loaded = new ArrayList<>();
        Settings s = Settings.empty().with("gallery.detector", "ssd").with("detector.model", "yunet").with("detector.min-score", "0.5").with("detector.landmarks", "masked");
        FaceChips chips = GalleryRole.chips(settings -> {
            Recorded r = new Recorded(settings);
            loaded.add(r);
            return r;
        }, s);
        assertEquals(1, loaded.size());
        assertEquals("ssd", chips.analyzer().model(), "the loader got gallery.detector as detector.model");
        assertEquals("faceapi", loaded.get(0).settings.get(DetectorSettings.LANDMARKS),
                "enrollment photos are aligned by gallery.landmarks (default: the pretrained net), not detector.landmarks");
        assertEquals("tiny", ((Recorded) ((io.unveil.detector.ScoreGatedAnalyzer) GalleryRole.chips(Recorded::new, Settings.empty())
                .analyzer()).inner()).settings.get(DetectorSettings.MODEL), "by default the gallery enrolls with TinyFaceDetector");
        Recorded custom = (Recorded) ((io.unveil.detector.ScoreGatedAnalyzer) GalleryRole.chips(Recorded::new,
                s.with("gallery.landmarks", "masked")).analyzer()).inner();
        assertEquals("masked", custom.settings.get(DetectorSettings.LANDMARKS));
        List<DetectedFace> faces = chips.detect(new RgbImage(120, 60, new byte[120 * 60 * 3]));
        assertEquals(1, faces.size(), "the 0.3 face is under detector.min-score 0.5");
        assertEquals(0.9f, faces.get(0).score());

        FaceChips lower = GalleryRole.chips(Recorded::new, s.with("detector.min-score", "0.2"));
        assertEquals(2, lower.detect(new RgbImage(120, 60, new byte[120 * 60 * 3])).size());

        chips.analyzer().close();
        assertTrue(loaded.get(0).closed, "stopping the role closes the loaded detector");
    }

    @Test
    void theFallbackDetectorIsYunetByDefaultAndNoneTurnsItOff() {
        FaceChips fallback = GalleryRole.fallbackChips(Recorded::new, Settings.empty());
        assertEquals("yunet", ((Recorded) ((io.unveil.detector.ScoreGatedAnalyzer) fallback.analyzer()).inner()).settings
                .get(DetectorSettings.MODEL));
        assertEquals("faceapi", ((Recorded) ((io.unveil.detector.ScoreGatedAnalyzer) fallback.analyzer()).inner()).settings
                .get(DetectorSettings.LANDMARKS), "the same landmark net as the first detector");
        org.junit.jupiter.api.Assertions.assertNull(GalleryRole.fallbackChips(Recorded::new, Settings.empty().with("gallery.fallback-detector", "none")));
    }

    @Test
    void anUnknownNetworkNameIsReportedUnderTheGallerysOwnKey() {
        // the registry's message names detector.model; the user set gallery.detector
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> GalleryRole.chips(settings -> {
            throw new IllegalArgumentException("unknown detector.model '" + settings.get(DetectorSettings.MODEL) + "'; known: ssd, tiny, yunet");
        }, Settings.empty().with("gallery.detector", "nope")));
        assertEquals("gallery.detector=nope, gallery.landmarks=faceapi: unknown detector.model 'nope'; known: ssd, tiny, yunet", e.getMessage());
    }
}
