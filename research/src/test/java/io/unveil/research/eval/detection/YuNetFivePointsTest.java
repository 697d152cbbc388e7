package io.unveil.research.eval.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import org.junit.jupiter.api.Test;

class YuNetFivePointsTest {
    @Test
    void templateIsDlibsMeanFaceWithinAFewPixels() {
        double[] mean = YuNetFivePoints.meanFace();
        for (int i = 0; i < 10; i++)
            assertEquals(mean[i], YuNetFivePoints.TEMPLATE[i], 4.0, "template coordinate " + i);
    }

    @Test
    void degenerateInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> YuNetFivePoints.matrix(new float[6], YuNetFivePoints.ALL, AlignTarget.FACE_128));
        assertThrows(IllegalArgumentException.class, () -> YuNetFivePoints.matrix(new float[10], YuNetFivePoints.EYES, AlignTarget.FACE_128),
                "both eyes at one point");
    }

    @Test
    void eyesLandOnTheTemplate() {
        float[] p5 = {100, 120, 160, 118, 131, 150, 108, 180, 152, 181};
        double[] m = YuNetFivePoints.matrix(p5, YuNetFivePoints.EYES, AlignTarget.CHIP_150);
        double k = (FaceAligner.CHIP_SIZE - 1.0) / FaceAligner.CHIP_SIZE;
        for (int e = 0; e < 2; e++) {
            double u = m[0] * p5[2 * e] + m[1] * p5[2 * e + 1] + m[2], v = m[3] * p5[2 * e] + m[4] * p5[2 * e + 1] + m[5];
            assertEquals(YuNetFivePoints.TEMPLATE[2 * e] * k, u, 1e-6);
            assertEquals(YuNetFivePoints.TEMPLATE[2 * e + 1] * k, v, 1e-6);
        }
        assertTrue(Math.abs(m[1]) < 0.1, "nearly level eyes give a nearly unrotated chip");
    }
}
