package io.unveil.detector.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.testing.TestData;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.ParityFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {
    /** 68 landmarks = the mean face placed into a frame by a known similarity (scale s, angle a, offset). */
    static float[] placedTemplate(double s, double a, double ox, double oy) {
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) {
            int j = Math.max(17, i); // jaw points 0..16 are not in the template: reuse point 17 (they are ignored)
            double vx = FaceAligner.MEAN_X[j - 17] * 100, vy = FaceAligner.MEAN_Y[j - 17] * 100;
            lm[2 * i] = (float) (s * (Math.cos(a) * vx - Math.sin(a) * vy) + ox);
            lm[2 * i + 1] = (float) (s * (Math.sin(a) * vx + Math.cos(a) * vy) + oy);
        }
        return lm;
    }

    @Test
    void templateLandmarksLandOnTheCanonicalPositions() {
        float[] lm = placedTemplate(1.7, 0.3, 120, 40);
        RgbImage frame = new RgbImage(400, 300, new byte[400 * 300 * 3]);
        for (AlignTarget t : AlignTarget.values()) {
            Alignment al = FaceAligner.align(frame, lm, t);
            assertEquals(t.size(), al.image().width());
            assertEquals(t.size(), al.image().height());
            for (int i = 27; i < 68; i++) {
                double[] want = FaceAligner.templatePoint(i, t);
                assertEquals(want[0], al.alignedLandmarks()[2 * i], 1e-3, t + " x of point " + i);
                assertEquals(want[1], al.alignedLandmarks()[2 * i + 1], 1e-3, t + " y of point " + i);
            }
            double[] back = al.toSource(al.alignedLandmarks()[60], al.alignedLandmarks()[61]);
            assertEquals(lm[60], back[0], 1e-3);
            assertEquals(lm[61], back[1], 1e-3);
        }
    }

    @Test
    void documentedCanonicalPositions() {
        double[] le = eye(36, AlignTarget.CHIP_150), re = eye(42, AlignTarget.CHIP_150);
        assertEquals(47.2, le[0], 0.05);
        assertEquals(46.3, le[1], 0.05);
        assertEquals(99.8, re[0], 0.05);
        double[] le128 = eye(36, AlignTarget.FACE_128), m48 = FaceAligner.templatePoint(48, AlignTarget.FACE_128);
        assertEquals(40.2, le128[0], 0.05);
        assertEquals(39.4, le128[1], 0.05);
        assertEquals(42.7, m48[0], 0.05);
        assertEquals(87.3, m48[1], 0.05);
    }

    static double[] eye(int from, AlignTarget t) {
        double x = 0, y = 0;
        for (int i = from; i < from + 6; i++) {
            double[] p = FaceAligner.templatePoint(i, t);
            x += p[0] / 6;
            y += p[1] / 6;
        }
        return new double[]{x, y};
    }

    @Test
    void face128ResizedTo150IsTheChip() {
        // a smooth synthetic frame so resampling differences stay small
        int w = 300, h = 300;
        byte[] d = new byte[w * h * 3];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            d[(y * w + x) * 3] = (byte) (x * 255 / w);
            d[(y * w + x) * 3 + 1] = (byte) (y * 255 / h);
            d[(y * w + x) * 3 + 2] = (byte) ((x + y) * 255 / (w + h));
        }
        RgbImage frame = new RgbImage(w, h, d);
        float[] lm = placedTemplate(1.2, -0.2, 80, 90);
        RgbImage chip = FaceAligner.align(frame, lm, AlignTarget.CHIP_150).image();
        RgbImage up = Images.resize(FaceAligner.align(frame, lm, AlignTarget.FACE_128).image(), 150, 150);
        double sum = 0;
        for (int i = 0; i < chip.data().length; i++) sum += Math.abs((chip.data()[i] & 0xff) - (up.data()[i] & 0xff));
        double mean = sum / chip.data().length;
        assertTrue(mean < 1.5, "FACE_128 resized to 150 differs from CHIP_150 by " + mean + " levels on average");
    }

    @Test
    void badLandmarksAreRefused() {
        RgbImage frame = new RgbImage(10, 10, new byte[300]);
        assertThrows(IllegalArgumentException.class, () -> FaceAligner.align(frame, new float[10], AlignTarget.CHIP_150));
        assertThrows(IllegalArgumentException.class, () -> FaceAligner.align(frame, new float[136], AlignTarget.CHIP_150));
        float[] nan = new float[136];
        nan[5] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> FaceAligner.align(frame, nan, AlignTarget.CHIP_150));
    }

    /** dlib-johns chips are dlib-aligned already: re-aligning them from our landmarks is close to the identity. */
    @Test
    void dlibChipsRealignToThemselves() throws Exception {
        Path set = TestData.set("dlib-johns");
        ParityFixtures.assumeModels();
        List<Path> files;
        try (Stream<Path> s = Files.walk(set.resolve("images"))) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(20).toList();
        }
        double maxShift = 0, maxScaleErr = 0, maxAngle = 0;
        try (FaceApiAnalyzer analyzer = FaceApiAnalyzer.load()) {
            for (Path f : files) {
                RgbImage chip = Images.read(f);
                float[] lm = analyzer.landmarksFor(chip, List.of(new Box(0, 0, chip.width(), chip.height()))).get(0);
                double[] m = FaceAligner.matrix(lm, AlignTarget.CHIP_150);
                double scale = Math.hypot(m[0], m[3]);
                double angle = Math.toDegrees(Math.atan2(m[3], m[0]));
                double[] c = {m[0] * 75 + m[1] * 75 + m[2] - 75, m[3] * 75 + m[4] * 75 + m[5] - 75};
                maxShift = Math.max(maxShift, Math.hypot(c[0], c[1]));
                maxScaleErr = Math.max(maxScaleErr, Math.abs(scale - 1));
                maxAngle = Math.max(maxAngle, Math.abs(angle));
            }
        }
        System.out.printf("dlib-johns realign: max centre shift %.2f px, max |scale-1| %.3f, max angle %.2f deg%n",
                maxShift, maxScaleErr, maxAngle);
        assertTrue(maxShift < 4, "centre shift " + maxShift);
        assertTrue(maxScaleErr < 0.08, "scale error " + maxScaleErr);
        assertTrue(maxAngle < 5, "angle " + maxAngle);
    }

    @Test
    void frameLandmarksMapIntoTheAlignedFaceAsTheImageIsWarped() {
        float[] lm = placedTemplate(1.7, 0.3, 120, 40);
        RgbImage frame = new RgbImage(400, 300, new byte[400 * 300 * 3]);
        Alignment al = FaceAligner.align(frame, lm, AlignTarget.FACE_128);
        float[] mapped = FaceAligner.alignedLandmarks(lm, AlignTarget.FACE_128);
        for (int i = 34; i < 136; i++) assertEquals(al.alignedLandmarks()[i], mapped[i], 1e-3, "landmark value " + i);
        assertEquals(null, FaceAligner.alignedLandmarks(new float[10], AlignTarget.FACE_128), "wrong length");
        assertEquals(null, FaceAligner.alignedLandmarks(null, AlignTarget.FACE_128), "absent");
    }
}
