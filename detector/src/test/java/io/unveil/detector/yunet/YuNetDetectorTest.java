package io.unveil.detector.yunet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.testing.TestData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class YuNetDetectorTest {
    static YuNetDetector detector;

    @BeforeAll
    static void load() {
        detector = YuNetDetector.load(YuNetDetector.DEFAULT_SCORE_THRESHOLD);
    }

    @AfterAll
    static void close() {
        if (detector != null) detector.close();
    }

    static RgbImage photo() {
        return Images.read(TestData.set("celeba-subset").resolve("images/000093.jpg"));
    }

    @Test
    void findsTheFaceWithItsFivePointsInOrder() {
        RgbImage img = photo();
        List<YuNetDetector.Face> faces = detector.detect(img);
        assertFalse(faces.isEmpty(), "the celeba photo shows a face");
        YuNetDetector.Face f = faces.get(0);
        assertTrue(f.score() >= YuNetDetector.DEFAULT_SCORE_THRESHOLD && f.score() <= 1f, "score " + f.score());
        float[] p = f.points5();
        Box b = f.box();
        for (int k = 0; k < 5; k++) {
            assertTrue(p[2 * k] >= b.x() && p[2 * k] <= b.x() + b.width(), "point " + k + " x inside the box");
            assertTrue(p[2 * k + 1] >= b.y() && p[2 * k + 1] <= b.y() + b.height(), "point " + k + " y inside the box");
        }
        assertTrue(p[0] < p[2], "image-left eye first");
        assertTrue(p[6] < p[8], "image-left mouth corner first");
        assertTrue(Math.max(p[1], p[3]) < p[5] && p[5] < Math.min(p[7], p[9]), "eyes above the nose tip above the mouth");
    }

    @Test
    void boxesComeBackInFramePixelsWhateverTheFrameSize() {
        RgbImage small = photo();
        Box ref = detector.detect(small).get(0).box();
        RgbImage big = Images.resize(small, small.width() * 4, small.height() * 4);
        Box got = detector.detect(big).get(0).box();
        Box expected = new Box(ref.x() * 4, ref.y() * 4, ref.width() * 4, ref.height() * 4);
        assertTrue(got.iou(expected) > 0.85f, "IoU " + got.iou(expected));
        // a frame taller than wide is letterboxed along its height: the photo in the middle third of a tall frame
        byte[] d = new byte[small.width() * small.height() * 9];
        System.arraycopy(small.data(), 0, d, small.data().length, small.data().length);
        List<YuNetDetector.Face> tall = detector.detect(new RgbImage(small.width(), small.height() * 3, d));
        assertFalse(tall.isEmpty());
        Box shifted = new Box(ref.x(), ref.y() + small.height(), ref.width(), ref.height());
        assertTrue(tall.get(0).box().iou(shifted) > 0.7f, "IoU " + tall.get(0).box().iou(shifted));
    }

    @Test
    void onePixelFlatAndNoiseFramesHaveNoFace() {
        assertEquals(List.of(), detector.detect(new RgbImage(1, 1, new byte[]{1, 2, 3})));
        byte[] grey = new byte[320 * 240 * 3];
        Arrays.fill(grey, (byte) 128);
        assertEquals(List.of(), detector.detect(new RgbImage(320, 240, grey)));
        byte[] noise = new byte[640 * 480 * 3];
        new java.util.Random(7).nextBytes(noise);
        assertEquals(List.of(), detector.detect(new RgbImage(640, 480, noise)));
    }

    @Test
    void modelFilesAreCheckedByName() {
        assertThrows(IllegalArgumentException.class, () -> YuNetDetector.load(Path.of("yunet_s_dynamic.onnx"), 0.6f));
        assertThrows(IllegalArgumentException.class, () -> new YuNetDetector(new byte[0], 300, 0.6f));
    }

    @Test
    void theBundledFileIsTheOneItsProvenanceNames() throws Exception {
        byte[] onnx, card;
        try (var in = YuNetDetector.class.getResourceAsStream(YuNetDetector.RESOURCE);
             var note = YuNetDetector.class.getResourceAsStream("/io/unveil/detector/yunet/PROVENANCE.md")) {
            onnx = in.readAllBytes();
            card = note.readAllBytes();
        }
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(onnx));
        String text = new String(card, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("sha256: " + sha), "PROVENANCE.md states the bundled file's sha256 " + sha);
        assertTrue(text.contains("## Model card") && text.contains("Measured here"), "PROVENANCE.md carries the model card");
    }
}
