package io.unveil.research.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RocCurveTest {
    @Test
    void pointsAucAndTarAtFarByHand() {
        RocCurve roc = RocCurve.of(new double[]{0.9, 0.8, 0.7, 0.6}, new boolean[]{true, false, true, false});
        assertArrayEquals(new double[]{0, 0, 0.5, 0.5, 1}, roc.far(), 1e-12);
        assertArrayEquals(new double[]{0, 0.5, 0.5, 1, 1}, roc.tar(), 1e-12);
        assertEquals(0.75, roc.auc(), 1e-12);
        assertEquals(0.5, roc.tarAtFar(0.0), 1e-12);
        assertEquals(0.5, roc.tarAtFar(0.4), 1e-12);
        assertEquals(1.0, roc.tarAtFar(0.5), 1e-12);
        assertEquals(0.5, roc.farResolution(), 1e-12);
    }

    @Test
    void tarAtOnePerMilleOnThousandNegatives() {
        int neg = 1000, pos = 100;
        double[] s = new double[neg + pos];
        boolean[] same = new boolean[neg + pos];
        for (int i = 0; i < neg; i++) s[i] = i / 1000.0;          // negatives 0.000 .. 0.999
        for (int i = 0; i < pos; i++) {
            same[neg + i] = true;
            s[neg + i] = i < 40 ? 0.9985 : 0.5;                    // 40 positives between the two top negatives
        }
        RocCurve roc = RocCurve.of(s, same);
        // FAR <= 1e-3 allows one false accept (0.999); then the 40 positives at 0.9985 are accepted: TAR 0.4
        assertEquals(0.4, roc.tarAtFar(1e-3), 1e-12);
        assertEquals(0.0, roc.tarAtFar(0.0), 1e-12);
        assertEquals(1e-3, roc.farResolution(), 1e-12);
    }
}
