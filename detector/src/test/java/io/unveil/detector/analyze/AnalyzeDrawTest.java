package io.unveil.detector.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.FaceAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --draw} and the input sizes picked from the photo's size. */
class AnalyzeDrawTest {
    @TempDir
    Path tmp;

    @Test
    void drawWritesThePhotoWithTheBoxInGreenAndLandmarksInRed() throws Exception {
        Path photo = tmp.resolve("grey.png");
        byte[] px = new byte[120 * 100 * 3];
        java.util.Arrays.fill(px, (byte) 128);
        Files.write(photo, Images.encodePng(new RgbImage(120, 100, px)));
        Path out = tmp.resolve("drawn.png");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = Analyze.run(new Analyze.Options(List.of(photo), false, out), img -> new AnalyzeTest.OneFace(), null,
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("drew 1 face(s) into " + out), buf.toString(StandardCharsets.UTF_8));
        RgbImage drawn = Images.read(out);
        assertEquals(120, drawn.width());
        assertEquals(100, drawn.height());
        // OneFace's box is x=10..60, y=12..72: its left edge at (10, 40) is green, a landmark at (20, 20) red, a far pixel untouched
        assertEquals(List.of(0, 255, 0), rgb(drawn, 10, 40));
        assertEquals(List.of(255, 0, 0), rgb(drawn, 20, 20));
        assertEquals(List.of(128, 128, 128), rgb(drawn, 100, 90));
        assertThrows(IllegalArgumentException.class, () -> Analyze.run(new Analyze.Options(List.of(photo, photo), false, out),
                img -> new AnalyzeTest.OneFace(), null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    /** --names: each detected face gets the name of the service's face that overlaps it; none overlapping, it says so. */
    @Test
    void namesFromTheServiceGoToTheFaceTheyOverlap() throws Exception {
        Path photo = tmp.resolve("grey.png");
        Files.write(photo, Images.encodePng(new RgbImage(120, 100, new byte[120 * 100 * 3])));
        Path out = tmp.resolve("named.png");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        // OneFace's box is x=10..60, y=12..72; the service saw it a little shifted, and a stranger elsewhere
        Analyze.Namer namer = image -> List.of(new Analyze.Named(new io.unveil.core.record.Box(100, 80, 15, 15), null, "Ada", 0.2f),
                new Analyze.Named(new io.unveil.core.record.Box(14, 14, 48, 58), "Ada", "Ada", 0.81f));
        assertEquals(0, Analyze.run(new Analyze.Options(List.of(photo), false, out, namer), img -> new AnalyzeTest.OneFace(), null,
                new PrintStream(buf, true, StandardCharsets.UTF_8)));
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("face #1: Ada 0.81"), buf.toString(StandardCharsets.UTF_8));
        RgbImage unnamed = Images.read(tmp.resolve("grey.png"));
        assertTrue(!java.util.Arrays.equals(Images.read(out).data(), unnamed.data()), "the drawing has the box and its label");

        buf.reset();
        Analyze.Namer elsewhere = image -> List.of(new Analyze.Named(new io.unveil.core.record.Box(100, 80, 15, 15), null, null, 0f));
        Analyze.run(new Analyze.Options(List.of(photo), false, null, elsewhere), img -> new AnalyzeTest.OneFace(), null,
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("face #1: not found by the service"), buf.toString(StandardCharsets.UTF_8));
        assertEquals("unknown (closest Ada 0.20)", new Analyze.Named(null, null, "Ada", 0.2f).label());
    }

    private static List<Integer> rgb(RgbImage img, int x, int y) {
        int i = (y * img.width() + x) * 3;
        return List.of(img.data()[i] & 0xff, img.data()[i + 1] & 0xff, img.data()[i + 2] & 0xff);
    }

    @Test
    void inputSizesFollowTheLongSide() {
        assertEquals(List.of(416), InputSize.forImage(640, 480));
        assertEquals(List.of(416), InputSize.forImage(1280, 1372)); // 1372/3.3 = 416
        assertEquals(List.of(416, 608), InputSize.forImage(2000, 1428));
        assertEquals(List.of(416, 480), InputSize.forImage(1500, 1000)); // 1500/3.3 = 455, up to 480
        assertEquals(List.of(416, 608), InputSize.forImage(8000, 6000));
    }

    /** face-api's sample2.jpg (1920x1367, two people): the default 416 alone finds one face, the sizes picked for it both. */
    @Test
    void aLargePhotoOfTwoPeopleGetsBothFaces() {
        Path sample = FaceApiModels.ensureDefault().dir().resolve("demo").resolve("sample2.jpg");
        Assumptions.assumeTrue(Files.isRegularFile(sample), "face-api's demo photos are not in the model cache (" + sample
                + "): `unveil models fetch` unpacks them with the models");
        RgbImage img = Images.read(sample);
        List<Integer> sizes = InputSize.forImage(img.width(), img.height());
        assertEquals(List.of(416, 608), sizes);
        try (FaceApiAnalyzer small = FaceApiAnalyzer.load(416, 0.5f); FaceApiAnalyzer large = FaceApiAnalyzer.load(608, 0.5f)) {
            assertEquals(1, small.detect(img).size());
            FaceAnalyzer merged = new MergedAnalyzer(List.of(small, large));
            assertEquals(2, merged.detect(img).size());
        }
    }
}
