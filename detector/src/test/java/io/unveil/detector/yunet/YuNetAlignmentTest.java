package io.unveil.detector.yunet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import java.util.Random;
import org.junit.jupiter.api.Test;

class YuNetAlignmentTest {
    /** A plausible face: dlib's mean shape scaled, rotated, moved, with per-point noise; points 0..16 on the jaw line. */
    static float[] face(Random r, double scale, double angle, double tx, double ty) {
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) {
            double[] u = i >= 17 ? FaceAligner.meanShapeUnit(i) : new double[]{i / 16.0, 0.5 + 0.5 * Math.sin(Math.PI * i / 16)};
            double x = u[0] * scale + r.nextGaussian(), y = u[1] * scale + r.nextGaussian();
            lm[2 * i] = (float) (Math.cos(angle) * x - Math.sin(angle) * y + tx);
            lm[2 * i + 1] = (float) (Math.sin(angle) * x + Math.cos(angle) * y + ty);
        }
        return lm;
    }

    @Test
    void templateIsDlibsMeanFaceWithinAFewPixels() {
        double[] mean = YuNetAlignment.meanFace();
        for (int i = 0; i < 10; i++)
            assertEquals(mean[i], YuNetAlignment.TEMPLATE[i], 4.0, "template coordinate " + i);
    }

    @Test
    void registeredLandmarksAlignExactlyAsTheEyesSay() {
        Random r = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            float[] lm = face(r, 80 + 60 * r.nextDouble(), 0.4 * (r.nextDouble() - 0.5), 50 + 200 * r.nextDouble(), 40 + 100 * r.nextDouble());
            // YuNet's eyes: near the net's eye centres, off by a few pixels (as under a mask)
            float[] p5 = new float[10];
            for (int k = 0; k < 2; k++) {
                for (int i = 36 + 6 * k; i < 42 + 6 * k; i++) {
                    p5[2 * k] += lm[2 * i] / 6f;
                    p5[2 * k + 1] += lm[2 * i + 1] / 6f;
                }
                p5[2 * k] += (float) (3 * r.nextGaussian());
                p5[2 * k + 1] += (float) (3 * r.nextGaussian());
            }
            for (int k = 4; k < 10; k++) p5[k] = lm[60 + k];
            float[] reg = YuNetAnalyzer.registered(lm, p5);
            for (AlignTarget t : AlignTarget.values())
                assertArrayEquals(YuNetAlignment.matrix(p5, t), FaceAligner.matrix(reg, t), 1e-3, "trial " + trial + " " + t);
            // the shape is kept: the aligned landmarks are the net's own
            assertArrayEquals(FaceAligner.alignedLandmarks(lm, AlignTarget.FACE_128),
                    FaceAligner.alignedLandmarks(reg, AlignTarget.FACE_128), 1e-2f);
        }
    }

    @Test
    void degenerateInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> YuNetAlignment.matrix(new float[6], AlignTarget.FACE_128));
        assertNull(YuNetAnalyzer.registered(face(new Random(1), 100, 0, 10, 10), new float[10]), "both eyes at one point");
    }

    @Test
    void eyesLandOnTheTemplate() {
        float[] p5 = {100, 120, 160, 118, 131, 150, 108, 180, 152, 181};
        double[] m = YuNetAlignment.matrix(p5, AlignTarget.CHIP_150);
        double k = (FaceAligner.CHIP_SIZE - 1.0) / FaceAligner.CHIP_SIZE;
        for (int e = 0; e < 2; e++) {
            double u = m[0] * p5[2 * e] + m[1] * p5[2 * e + 1] + m[2], v = m[3] * p5[2 * e] + m[4] * p5[2 * e + 1] + m[5];
            assertEquals(YuNetAlignment.TEMPLATE[2 * e] * k, u, 1e-6);
            assertEquals(YuNetAlignment.TEMPLATE[2 * e + 1] * k, v, 1e-6);
        }
        assertTrue(Math.abs(m[1]) < 0.1, "nearly level eyes give a nearly unrotated chip");
    }
}
