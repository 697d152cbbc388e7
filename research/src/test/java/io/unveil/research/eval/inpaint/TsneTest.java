package io.unveil.research.eval.inpaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneTest {
    @Test
    void affinitiesHaveTheAskedPerplexity() {
        double[][] x = clusters(3, 10, 8, 5).x;
        double[][] p = Tsne.conditional(Tsne.squaredDistances(x), 7);
        for (double[] row : p) {
            double s = 0, h = 0;
            for (double v : row) {
                s += v;
                if (v > 0) h -= v * Math.log(v);
            }
            assertEquals(1.0, s, 1e-9);
            assertEquals(7.0, Math.exp(h), 1e-3);
        }
    }

    @Test
    void separatedClustersStaySeparated() {
        Data d = clusters(4, 15, 16, 11);
        double[][] y = new Tsne(10, 600, 1).embed(d.x);
        // every point's nearest neighbour in the embedding is from its own cluster
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            int best = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int j = 0; j < y.length; j++) {
                if (j == i) continue;
                double dd = Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
                if (dd < bd) {
                    bd = dd;
                    best = j;
                }
            }
            if (d.label[best] == d.label[i]) ok++;
        }
        assertEquals(y.length, ok);
        // and clusters are farther apart than their own spread
        assertTrue(meanBetween(y, d.label) > 3 * meanWithin(y, d.label));
    }

    record Data(double[][] x, int[] label) {
    }

    static Data clusters(int k, int each, int dim, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[k * each][dim];
        int[] label = new int[k * each];
        for (int c = 0; c < k; c++) {
            double[] centre = new double[dim];
            for (int j = 0; j < dim; j++) centre[j] = r.nextGaussian() * 10;
            for (int i = 0; i < each; i++) {
                label[c * each + i] = c;
                for (int j = 0; j < dim; j++) x[c * each + i][j] = centre[j] + r.nextGaussian();
            }
        }
        return new Data(x, label);
    }

    private static double meanWithin(double[][] y, int[] l) {
        return mean(y, l, true);
    }

    private static double meanBetween(double[][] y, int[] l) {
        return mean(y, l, false);
    }

    private static double mean(double[][] y, int[] l, boolean same) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++)
            for (int j = i + 1; j < y.length; j++)
                if ((l[i] == l[j]) == same) {
                    s += Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
                    n++;
                }
        return s / n;
    }
}
