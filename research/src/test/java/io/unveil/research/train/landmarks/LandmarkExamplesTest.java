package io.unveil.research.train.landmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.faceapi.FaceLandmark68Translator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LandmarkExamplesTest {
    /** A 68-point face around (cx, cy), 60 px wide: dlib's mean shape (points 17-67) and a half-ellipse jaw (0-16). */
    static float[] face(float cx, float cy) {
        float[] lm = new float[136];
        for (int i = 0; i < 17; i++) {
            double t = Math.PI * i / 16;
            lm[2 * i] = (float) (cx - 30 * Math.cos(t));
            lm[2 * i + 1] = (float) (cy - 10 + 38 * Math.sin(t));
        }
        for (int i = 17; i < 68; i++) {
            double[] u = io.unveil.detector.align.FaceAligner.meanShapeUnit(i);
            lm[2 * i] = (float) (cx + (u[0] - 0.5) * 60);
            lm[2 * i + 1] = (float) (cy + (u[1] - 0.5) * 60);
        }
        return lm;
    }

    static RgbImage grey(int w, int h) {
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < d.length; i++) d[i] = (byte) (i * 31);
        return new RgbImage(w, h, d);
    }

    /**
     * The target, read back the way the pipeline reads the net's output (un-padding, then the clipped box origin:
     * FaceApiAnalyzer.landmarksFor), gives the ground truth again, also for a box that starts outside the image.
     */
    @Test
    void theTargetDecodesToTheGroundTruthAsThePipelineDecodesTheNet() {
        RgbImage img = grey(160, 200);
        float[] truth = face(60, 90);
        for (Box b : List.of(new Box(20.4f, 45.7f, 83.2f, 77.9f), new Box(-10.5f, 30.2f, 95f, 90f))) {
            LandmarkExamples.Example e = LandmarkExamples.of(img, b, truth);
            assertEquals(3 * 112 * 112, e.input().length);
            int[] r = io.unveil.detector.FaceApiAnalyzer.faceApiCrop(b, img.width(), img.height());
            float[] px = FaceLandmark68Translator.toCropPixels(e.target(), r[2], r[3]);
            float sx = Math.max(b.x(), 0f), sy = Math.max(b.y(), 0f);
            for (int k = 0; k < 68; k++) {
                px[2 * k] += sx;
                px[2 * k + 1] += sy;
            }
            assertArrayEquals(truth, px, 1e-3f);
        }
        assertNull(LandmarkExamples.of(img, new Box(300, 300, 50, 50), truth), "a box outside the image has no example");
    }

    /** The same seed gives the same example (a resumed run sees the same batches); another seed another one. */
    @Test
    void randomExamplesAreReproducibleFromTheirSeed() {
        List<LandmarkFace> faces = List.of(new LandmarkFace("a.jpg", "x", grey(160, 200), face(80, 100), new Box(45, 62, 72, 70)));
        LandmarkExamples.Example a = LandmarkExamples.random(faces, new Random(5));
        LandmarkExamples.Example b = LandmarkExamples.random(faces, new Random(5));
        assertArrayEquals(a.input(), b.input());
        assertArrayEquals(a.target(), b.target());
        assertNotEquals(java.util.Arrays.hashCode(a.target()),
                java.util.Arrays.hashCode(LandmarkExamples.random(faces, new Random(6)).target()));
    }

    /**
     * The teacher's input ({@code --target teacher}) is the same crop of the photo without the occluder: on a photo of
     * one colour it is that colour (and the padding), while the occluded input it belongs to shows the occluder.
     */
    @Test
    void theTeachersInputIsTheSameCropWithoutTheOccluder() {
        byte[] d = new byte[160 * 200 * 3];
        java.util.Arrays.fill(d, (byte) 120);
        List<LandmarkFace> faces = List.of(new LandmarkFace("a.jpg", "x", new RgbImage(160, 200, d), face(80, 100), new Box(45, 62, 72, 70)));
        int occluded = 0;
        for (int seed = 0; seed < 40; seed++) {
            LandmarkExamples.Example e = LandmarkExamples.random(faces, new Random(seed));
            assertEquals(e.input().length, e.plainInput().length);
            // the photo's colour fills the crop but for a thin border where the resize meets the zero padding
            float colour = e.plainInput()[56 * 112 + 56];
            int same = 0;
            for (int i = 0; i < 112 * 112; i++) if (e.plainInput()[i] == colour) same++;
            org.junit.jupiter.api.Assertions.assertTrue(same > 0.8 * 112 * 112, "seed " + seed + ": the teacher's crop is "
                    + same + " of " + 112 * 112 + " pixels of the photo's colour: it shows something besides the photo");
            if (!java.util.Arrays.equals(e.input(), e.plainInput())) occluded++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(occluded >= 20, "only " + occluded + " of 40 examples carried an occluder");
    }

    /** --blank-below: every plane of every image zero from the share's row down, the rows above and the input untouched. */
    @Test
    void blankBelowZeroesTheLowerRowsOfEveryPlaneOfEveryImage() {
        int size = FaceLandmark68Translator.INPUT_SIZE, plane = size * size;
        float[] two = new float[2 * 3 * plane];
        java.util.Arrays.fill(two, 1f);
        float[] b = LandmarkExamples.blankBelow(two, 0.5f);
        assertEquals(1f, two[two.length - 1], "the input is not changed");
        for (int p = 0; p < 6; p++) {
            assertEquals(1f, b[p * plane + (size / 2 - 1) * size + 7], "row 55 of plane " + p + " kept");
            assertEquals(0f, b[p * plane + (size / 2) * size], "row 56 of plane " + p + " blanked");
            assertEquals(0f, b[p * plane + plane - 1], "the last pixel of plane " + p + " blanked");
        }
        org.junit.jupiter.api.Assertions.assertSame(two, LandmarkExamples.blankBelow(two, 0f), "0 is off");
        for (float bad : new float[]{-0.1f, 1f, Float.NaN})
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LandmarkTrainer.Options(
                    java.nio.file.Path.of("x"), 1, 1, 1e-4f, 1, 1, 1, false, 0, false, false, bad), "--blank-below " + bad);
    }
}
