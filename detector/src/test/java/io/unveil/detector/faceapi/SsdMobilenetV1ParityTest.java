package io.unveil.detector.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.record.Box;
import io.unveil.core.testing.TestData;
import io.unveil.detector.ParityFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SSD-MobileNetV1 must find the same faces as face-api itself (fixtures from tools/parity/ssd.mjs, tfjs-wasm, same
 * decoded pixels): same count, and per face IoU >= 0.95 and |score diff| <= 1e-3.
 */
class SsdMobilenetV1ParityTest {
    static SsdMobilenetV1 ssd;

    @BeforeAll
    static void load() {
        ParityFixtures.assumeModels();
        ssd = SsdMobilenetV1.load();
    }

    @AfterAll
    static void close() {
        if (ssd != null) ssd.close();
    }

    @Test
    void detectionsEqualFaceApi() {
        JsonNode fixture = ParityFixtures.read("ssd-detections.json");
        double worstIou = 1, worstScore = 0;
        int faces = 0;
        for (JsonNode img : fixture.get("images")) {
            String source = img.get("source").asText(), file = img.get("file").asText();
            Path path = source.equals("face-api-demo") ? FaceApiModels.ensureDefault().file(file) : TestData.set(source).resolve(file);
            RgbImage image = Images.read(path);
            assertEquals(img.get("width").asInt(), image.width(), file);
            List<FaceDetection> actual = ssd.detect(image);
            JsonNode expected = img.get("detections");
            assertEquals(expected.size(), actual.size(), source + "/" + file + ": number of faces");
            for (JsonNode e : expected) {
                float[] b = ParityFixtures.floats(e.get("box"));
                Box eb = new Box(b[0], b[1], b[2], b[3]);
                FaceDetection best = actual.stream().max((p, q) -> Double.compare(p.box().iou(eb), q.box().iou(eb))).orElseThrow();
                double iou = best.box().iou(eb), ds = Math.abs(best.score() - e.get("score").asDouble());
                worstIou = Math.min(worstIou, iou);
                worstScore = Math.max(worstScore, ds);
                assertTrue(iou >= 0.95, source + "/" + file + ": IoU " + iou + " for " + eb);
                assertTrue(ds <= 1e-3, source + "/" + file + ": score diff " + ds);
                faces++;
            }
        }
        assertTrue(faces >= 20, "fixture should hold real faces, has " + faces);
        // bad input: tiny, flat and greyscale-like images give no faces, never a crash
        assertEquals(0, ssd.detect(new RgbImage(1, 1, new byte[3])).size());
        assertEquals(0, ssd.detect(new RgbImage(640, 2, new byte[640 * 2 * 3])).size());
        System.out.printf("SSD parity: %d faces, worst IoU %.5f, worst score diff %.2g%n", faces, worstIou, worstScore);
    }
}
