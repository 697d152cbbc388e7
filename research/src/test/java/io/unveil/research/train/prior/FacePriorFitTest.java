package io.unveil.research.train.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.model.WeightFile;
import io.unveil.inpaint.prior.FacePrior;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The PCA fit on faces drawn from a known two-component model, the eigen step, and the leading-K truncation. */
class FacePriorFitTest {
    /** 128x128 faces, constant per 8x8 block: 0.5 + a * vertical ramp + b * horizontal ramp, a ~ N(0, 0.2), b ~ N(0, 0.1). */
    private static List<float[]> faces(int n, long seed) {
        Random r = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 0.2 * r.nextGaussian(), b = 0.1 * r.nextGaussian();
            float[] f = new float[3 * 128 * 128];
            for (int c = 0; c < 3; c++)
                for (int y = 0; y < 128; y++)
                    for (int x = 0; x < 128; x++)
                        f[c * 128 * 128 + y * 128 + x] = (float) (0.5 + a * ((y / 8) - 7.5) / 7.5 + b * ((x / 8) - 7.5) / 7.5);
            out.add(f);
        }
        return out;
    }

    private static WeightFile.Tensor named(List<WeightFile.Tensor> ts, String name) {
        return ts.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theFitFindsTheTwoDirectionsTheirVariancesAndLittleNoise() throws IOException {
        FacePriorFit.Fit fit = FacePriorFit.fit(faces(200, 1), 16, 4, 7);
        float[] variance = named(fit.tensors(), "variance").values();
        float[] basis = named(fit.tensors(), "basis").values();
        int dim = 3 * 16 * 16;
        // direction 0: the vertical ramp (larger variance); its values follow the row only
        double vert = 0, norm = 0;
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 16; y++)
                for (int x = 0; x < 16; x++) {
                    double ramp = (y - 7.5) / 7.5;
                    vert += ramp * basis[c * 256 + y * 16 + x];
                    norm += ramp * ramp;
                }
        assertEquals(1.0, Math.abs(vert) / Math.sqrt(norm), 1e-3, "first component is the vertical ramp");
        assertTrue(variance[0] > 3 * variance[1], variance[0] + " vs " + variance[1]);
        assertTrue(variance[2] < 1e-6 * variance[0], "a two-component model leaves nothing for the third: " + variance[2]);
        assertEquals(1.0, fit.explained(), 1e-4);
        assertEquals(200, fit.faces());
        // the model completes a hidden half from the visible half
        FacePrior p = FacePrior.of(fit.tensors(), "fit");
        float[] face = faces(1, 99).get(0);
        float[] hole = new float[128 * 128];
        for (int i = 64 * 128; i < hole.length; i++) hole[i] = 1f;
        float[] filled = p.fill(face, hole);
        double err = 0;
        for (int i = 0; i < face.length; i++) err = Math.max(err, Math.abs(filled[i] - face[i]));
        assertTrue(err < 0.03, "max error in the completed half " + err);
        assertEquals(dim, named(fit.tensors(), "mean").values().length);
    }

    @Test
    void theLeadingComponentsCarryTheRestIntoTheNoise() {
        FacePriorFit.Fit fit = FacePriorFit.fit(faces(100, 2), 16, 4, 3);
        List<WeightFile.Tensor> one = PriorChoice.leading(fit.tensors(), 1);
        float[] v = named(fit.tensors(), "variance").values();
        int dim = 3 * 256;
        double want = (named(fit.tensors(), "noise").values()[0] * (dim - 4.0) + v[1] + v[2] + v[3]) / (dim - 1);
        assertEquals(want, named(one, "noise").values()[0], 1e-9);
        assertEquals(1, named(one, "variance").values().length);
        assertEquals(dim, named(one, "basis").values().length);
    }

    @Test
    void jacobiGivesTheEigenvaluesOfASmallSymmetricMatrixInDescendingOrder() {
        // [[2,1],[1,2]]: eigenvalues 3 and 1, eigenvectors (1,1)/sqrt2 and (1,-1)/sqrt2
        SymmetricEigen.Result e = SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2);
        assertEquals(3, e.values()[0], 1e-12);
        assertEquals(1, e.values()[1], 1e-12);
        assertEquals(1 / Math.sqrt(2), Math.abs(e.vectors()[0]), 1e-12);
        assertEquals(Math.abs(e.vectors()[0]), Math.abs(e.vectors()[2]), 1e-12);
    }
}
