package io.unveil.research.eval.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.stage.AlignedCropper;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.FaceAssessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Why a live segment gave no face: {@link MissedFaces} with a detector that finds what it is told. */
class MissedFacesTest {
    static FaceAnalyzer finding(List<DetectedFace> faces) {
        return new FaceAnalyzer() {
            @Override
            public List<DetectedFace> detect(RgbImage image) {
                return faces;
            }

            @Override
            public String model() {
                return "test finder";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void saysWhetherTheDetectorFoundNothingOrTheGateRefusedTheLargestFace() {
        RgbImage frame = LiveVideo.blank();
        FaceAssessor gate = new FaceAssessor(DetectorConfig.defaults(), AlignedCropper.INSTANCE);
        assertEquals("no face detected", MissedFaces.reason(frame, finding(List.of()), gate));
        DetectedFace tiny = new DetectedFace(new Box(300, 200, 24, 30), 0.9f, new float[136]);
        DetectedFace smaller = new DetectedFace(new Box(10, 10, 12, 12), 0.95f, new float[136]);
        // the default gate wants a 40 px face: the largest found is 24 px wide
        assertEquals("small (face 24 px)", MissedFaces.reason(frame, finding(List.of(smaller, tiny)), gate));
        Map<Integer, String> reasons = new LinkedHashMap<>();
        reasons.put(3, "small (face 24 px)");
        reasons.put(7, "no face detected");
        reasons.put(9, "small (face 31 px)");
        reasons.put(11, "pose (face 90 px, yaw 61, pitch 3, sharpness 80)");
        assertEquals("no face detected 1, pose 1, small 2", MissedFaces.summary(reasons));
    }
}
