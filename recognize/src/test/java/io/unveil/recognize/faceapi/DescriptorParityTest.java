package io.unveil.recognize.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.serde.Json;
import io.unveil.core.testing.TestData;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java port must give face-api's own descriptors (fixtures made by tools/parity/descriptors.mjs with face-api on
 * tfjs-wasm, same decoded pixels): cosine >= 0.9999 and max |diff| <= 1e-4 for every image.
 */
class DescriptorParityTest {
    @ParameterizedTest
    @ValueSource(strings = {"dlib-johns", "bbt", "celeba-subset", "orl", "yale"})
    void descriptorsEqualFaceApi(String set) throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/parity/descriptors-" + set + ".json")) {
            fixture = Json.MAPPER.readTree(in);
        }
        Path root = TestData.set(set);
        List<RgbImage> images = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (JsonNode it : fixture.get("items")) {
            RgbImage img = Images.read(root.resolve(it.get("file").asText()));
            assertEquals(it.get("width").asInt(), img.width(), "decoded width of " + it.get("file"));
            assertEquals(it.get("height").asInt(), img.height(), "decoded height of " + it.get("file"));
            images.add(img);
            float[] d = new float[it.get("descriptor").size()];
            for (int k = 0; k < d.length; k++) d[k] = (float) it.get("descriptor").get(k).asDouble();
            expected.add(d);
        }
        float[][] actual = Models.embedder().embed(images);
        double worstCos = 1, worstDiff = 0;
        for (int i = 0; i < actual.length; i++) {
            double dot = 0, na = 0, nb = 0, maxDiff = 0;
            float[] a = actual[i], b = expected.get(i);
            assertEquals(b.length, a.length);
            for (int k = 0; k < a.length; k++) {
                dot += a[k] * b[k];
                na += a[k] * a[k];
                nb += b[k] * b[k];
                maxDiff = Math.max(maxDiff, Math.abs(a[k] - b[k]));
            }
            double cos = dot / Math.sqrt(na * nb);
            worstCos = Math.min(worstCos, cos);
            worstDiff = Math.max(worstDiff, maxDiff);
            String file = fixture.get("items").get(i).get("file").asText();
            assertTrue(cos >= 0.9999, set + "/" + file + ": cosine " + cos);
            assertTrue(maxDiff <= 1e-4, set + "/" + file + ": max |diff| " + maxDiff);
        }
        System.out.printf("parity %s: %d descriptors, worst cosine %.8f, worst max|diff| %.3g (%s)%n", set, actual.length,
                worstCos, worstDiff, fixture.get("backend").asText());
    }
}
