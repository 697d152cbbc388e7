package io.unveil.detector.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.serde.Json;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output format and error handling of the analyze logic (a scripted analyzer; the real one is covered by parity). */
class AnalyzeTest {
    @TempDir
    Path tmp;

    static final class OneFace implements FaceAnalyzer {
        @Override
        public List<DetectedFace> detect(RgbImage image) {
            float[] lm = new float[136];
            for (int i = 0; i < 68; i++) {
                lm[2 * i] = 20 + (i % 10) * 3 + (i / 10);
                lm[2 * i + 1] = 20 + (i / 10) * 4 + (i % 7);
            }
            return List.of(new DetectedFace(new Box(10, 12, 50, 60), 0.9f, lm));
        }

        @Override
        public String model() {
            return "one-face";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void jsonPerImageWithDescriptorAndErrorsForBadFiles() throws Exception {
        Path good = tmp.resolve("a.png");
        Files.write(good, io.unveil.core.image.Images.encodePng(new RgbImage(80, 90, new byte[80 * 90 * 3])));
        Path bad = tmp.resolve("b.jpg");
        Files.writeString(bad, "garbage");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int[] chipsSeen = new int[1];
        Analyze.ChipEmbedder emb = chips -> {
            chipsSeen[0] += chips.size();
            assertEquals(150, chips.get(0).width());
            return new float[][]{new float[128]};
        };
        int rc = Analyze.run(new Analyze.Options(List.of(good, bad), true), new OneFace(), emb,
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(1, rc, "an unreadable image makes the exit code 1");
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size());
        JsonNode a = Json.MAPPER.readTree(lines.get(0));
        assertEquals(80, a.get("width").asInt());
        assertEquals(1, a.get("faces").size());
        assertEquals(136, a.get("faces").get(0).get("landmarks").size());
        assertEquals(128, a.get("faces").get(0).get("descriptor").size());
        assertEquals(10.0, a.get("faces").get(0).get("box").get("x").asDouble(), 1e-6);
        assertEquals(1, chipsSeen[0]);
        JsonNode b = Json.MAPPER.readTree(lines.get(1));
        assertTrue(b.get("error").asText().contains("b.jpg"), b.toString());
    }

    @Test
    void textModeWithoutEmbedder() throws Exception {
        Path good = tmp.resolve("a.png");
        Files.write(good, io.unveil.core.image.Images.encodePng(new RgbImage(80, 90, new byte[80 * 90 * 3])));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = Analyze.run(new Analyze.Options(List.of(good), false), new OneFace(), null, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        String s = buf.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("1 face(s)") && s.contains("score=0.900") && !s.contains("descriptor"), s);
    }
}
