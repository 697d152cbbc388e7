package io.unveil.detector.stage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.testing.TestData;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.ParityFixtures;
import io.unveil.detector.yunet.YuNetAnalyzer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectRoleModelTest {
    static Settings with(String model) {
        return Settings.load(null, Map.of(), model == null ? Map.of() : Map.of("detector.model", model));
    }

    @Test
    void eachDetectorFindsTheFaceAndItPassesTheGate() {
        ParityFixtures.assumeModels();
        RgbImage photo = Images.read(TestData.set("celeba-subset").resolve("images/001085.jpg"));
        try (FaceAnalyzer byDefault = DetectorModels.yunet(with(null), FaceLandmark68Net.load());
             FaceAnalyzer tiny = DetectorModels.tiny(with(null), FaceLandmark68Net.load())) {
            assertInstanceOf(YuNetAnalyzer.class, byDefault);
            assertInstanceOf(FaceApiAnalyzer.class, tiny);
            for (FaceAnalyzer a : List.of(byDefault, tiny)) {
                List<DetectedFace> faces = a.detect(photo);
                assertFalse(faces.isEmpty(), a.getClass().getSimpleName() + " finds the face");
                // what the stage needs: 68 landmarks it can align and gate
                FaceAssessor.Assessment as = new FaceAssessor(DetectorConfig.defaults(), AlignedCropper.INSTANCE).assess(photo, faces.get(0));
                assertTrue(as.passed(), a.getClass().getSimpleName() + " face passes the gate: " + as.reject());
            }
        }

    }
}
