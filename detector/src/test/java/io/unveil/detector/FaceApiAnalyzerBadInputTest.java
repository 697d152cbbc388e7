package io.unveil.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.testing.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gives a clear result (no faces) or a clear error, never a crash. */
class FaceApiAnalyzerBadInputTest {
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

    static Path celebaPhoto() {
        return TestData.set("celeba-subset").resolve("images/000093.jpg");
    }

    @Test
    void emptyTruncatedAndNonImageBytesAreClearErrors() throws Exception {
        assertThrows(ImageDecodeException.class, () -> Images.decode(new byte[0]));
        assertThrows(ImageDecodeException.class, () -> Images.decode("definitely not an image".getBytes(StandardCharsets.UTF_8)));
        byte[] jpeg = Files.readAllBytes(celebaPhoto());
        assertThrows(ImageDecodeException.class, () -> Images.decode(Arrays.copyOf(jpeg, 64)));
        // cut in the middle of the scan: libjpeg may return the part it decoded; either way no crash and sane output
        byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);
        try {
            RgbImage partial = Images.decode(half);
            assertSane(analyzer.detect(partial), partial);
        } catch (ImageDecodeException expected) {
            assertFalse(expected.getMessage().isBlank());
        }
    }

    @Test
    void onePixelImageHasNoFace() {
        RgbImage px = new RgbImage(1, 1, new byte[]{(byte) 200, 100, 50});
        assertEquals(List.of(), analyzer.detect(px));
    }

    @Test
    void flatAndNoiseImagesHaveNoFace() {
        byte[] grey = new byte[320 * 240 * 3];
        Arrays.fill(grey, (byte) 128);
        assertEquals(List.of(), analyzer.detect(new RgbImage(320, 240, grey)));
        byte[] noise = new byte[320 * 240 * 3];
        new Random(7).nextBytes(noise);
        assertSane(analyzer.detect(new RgbImage(320, 240, noise)), new RgbImage(320, 240, noise));
    }

    @Test
    void hugeImageIsDownscaledAndBoxesComeBackInFramePixels() {
        RgbImage small = Images.read(celebaPhoto());
        List<DetectedFace> ref = analyzer.detect(small);
        assertFalse(ref.isEmpty(), "reference photo should contain a face");
        RgbImage huge = Images.resize(small, 10_000, 10_000 * small.height() / small.width());
        List<DetectedFace> got = analyzer.detect(huge);
        assertFalse(got.isEmpty(), "the face is still found in the 10,000 px wide version");
        float kx = huge.width() / (float) small.width(), ky = huge.height() / (float) small.height();
        var b = ref.get(0).box();
        var expected = new io.unveil.core.record.Box(b.x() * kx, b.y() * ky, b.width() * kx, b.height() * ky);
        float iou = got.get(0).box().iou(expected);
        assertTrue(iou > 0.8f, "box of the huge frame vs scaled reference: IoU " + iou);
        assertSane(got, huge);
    }

    @Test
    void greyscaleAndFourChannelImagesWork() throws Exception {
        Path bbt = TestData.set("bbt").resolve("images/amy/amy1.png");
        RgbImage grey = Images.read(bbt);
        assertEquals(3 * grey.width() * grey.height(), grey.data().length);
        assertSane(analyzer.detect(grey), grey);

        RgbImage photo = Images.read(celebaPhoto());
        BufferedImage argb = new BufferedImage(photo.width(), photo.height(), BufferedImage.TYPE_INT_ARGB);
        argb.getGraphics().drawImage(Images.toBufferedImage(photo), 0, 0, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(argb, "png", png);
        RgbImage fromRgba = Images.decode(png.toByteArray());
        List<DetectedFace> a = analyzer.detect(fromRgba), b = analyzer.detect(photo);
        assertEquals(b.size(), a.size());
        assertEquals(b.get(0).score(), a.get(0).score(), 1e-4);
    }

    static void assertSane(List<DetectedFace> faces, RgbImage img) {
        for (DetectedFace f : faces) {
            assertEquals(136, f.landmarks().length);
            assertTrue(f.score() > 0.5f && f.score() <= 1f);
            for (float v : f.landmarks()) assertTrue(Float.isFinite(v));
            assertTrue(f.box().width() > 0 && f.box().height() > 0);
            assertTrue(f.box().x() < img.width() && f.box().y() < img.height());
        }
    }
}
