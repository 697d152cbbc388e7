package io.unveil.detector.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.testing.TestData;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.ParityFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java port against face-api itself (fixtures from tools/parity/make-fixtures.mjs, same pixels: both sides decode
 * with libjpeg-turbo / lossless PNG): same detections (IoU >= 0.95, score diff <= 1e-3), landmarks within 0.5 px.
 */
class FaceApiParityTest {
    static FaceApiAnalyzer analyzer;

    @BeforeAll
    static void load() {
        ParityFixtures.assumeModels();
        analyzer = FaceApiAnalyzer.load();
    }

    @AfterAll
    static void close() {
        if (analyzer != null) analyzer.close();
    }

    @Test
    void detectionsAndLandmarksMatchFaceApiOnRealPhotos() {
        JsonNode frames = ParityFixtures.read("frames.json").get("frames");
        double minIou = 1, maxScoreDiff = 0, maxLandmarkDiff = 0;
        int faces = 0;
        for (JsonNode f : frames) {
            Path file = TestData.set(f.get("set").asText()).resolve(f.get("file").asText());
            RgbImage img = Images.read(file);
            List<DetectedFace> got = analyzer.detect(img);
            JsonNode want = f.get("faces");
            assertEquals(want.size(), got.size(), "face count for " + file);
            for (int i = 0; i < want.size(); i++) {
                float[] wb = ParityFixtures.floats(want.get(i).get("box"));
                Box expected = new Box(wb[0], wb[1], wb[2], wb[3]);
                DetectedFace best = got.stream().max((a, b) -> Float.compare(a.box().iou(expected), b.box().iou(expected))).orElseThrow();
                float iou = best.box().iou(expected);
                double sd = Math.abs(best.score() - want.get(i).get("score").asDouble());
                assertTrue(iou >= 0.95f, file + " face " + i + ": IoU " + iou);
                assertTrue(sd <= 1e-3, file + " face " + i + ": score diff " + sd);
                float[] wl = ParityFixtures.floats(want.get(i).get("landmarks"));
                double ld = maxAbsDiff(wl, best.landmarks());
                assertTrue(ld <= 0.5, file + " face " + i + ": landmark diff " + ld + " px");
                minIou = Math.min(minIou, iou);
                maxScoreDiff = Math.max(maxScoreDiff, sd);
                maxLandmarkDiff = Math.max(maxLandmarkDiff, ld);
                faces++;
            }
        }
        System.out.printf("parity frames=%d faces=%d minIoU=%.5f maxScoreDiff=%.2e maxLandmarkDiff=%.4f px%n",
                frames.size(), faces, minIou, maxScoreDiff, maxLandmarkDiff);
        assertTrue(faces >= 10, "fixtures should hold at least 10 faces, got " + faces);
    }

    @Test
    void landmarksOnGivenBoxesMatchFaceApi() {
        // the dlib-johns chips: face-api's landmark net on the whole 150x150 chip
        JsonNode chips = ParityFixtures.read("dlib-johns-chips.json").get("chips");
        double max = 0;
        for (JsonNode c : chips) {
            RgbImage img = Images.read(TestData.set("dlib-johns").resolve(c.get("file").asText()));
            float[] got = analyzer.landmarksFor(img, List.of(new Box(0, 0, img.width(), img.height()))).get(0);
            double d = maxAbsDiff(ParityFixtures.floats(c.get("landmarks")), got);
            assertTrue(d <= 0.5, c.get("file").asText() + ": landmark diff " + d);
            max = Math.max(max, d);
        }
        System.out.printf("parity chips=%d maxLandmarkDiff=%.5f px%n", chips.size(), max);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
