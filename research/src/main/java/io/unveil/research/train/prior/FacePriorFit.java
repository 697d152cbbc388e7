package io.unveil.research.train.prior;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.model.Djl;
import io.unveil.core.model.WeightFile;
import io.unveil.inpaint.prior.FacePrior;
import java.util.List;
import java.util.Random;

/**
 * Fits the PCA face prior ({@link FacePrior}) to aligned FACE_128 faces: each face and its mirror image, reduced to
 * r x r by block means, centred; the top K principal directions by randomized subspace iteration (Halko et al. 2011:
 * 4 power iterations with K + 16 vectors, then the exact Rayleigh-Ritz step on that subspace), the two big products on
 * DJL/PyTorch. The N x D data (N ~ 7,000 with mirrors, D = 3 * 64 * 64) is never decomposed whole: a full eigen-
 * decomposition of the N x N Gram matrix would cost minutes to hours on two shared cores, this costs seconds.
 */
public final class FacePriorFit {
    static final int OVERSAMPLE = 16;
    static final int POWER_ITERATIONS = 4;

    /** The fitted model's tensors and what it explains. */
    public record Fit(List<WeightFile.Tensor> tensors, int faces, double explained, float noise) {
    }

    private FacePriorFit() {
    }

    /** @param faces planar RGB 128x128 faces in [0,1] (the mirror images are added here) */
    public static Fit fit(List<float[]> faces, int res, int k, long seed) {
        int f = FacePrior.SIZE / res, rp = res * res, dim = 3 * rp, plane = FacePrior.SIZE * FacePrior.SIZE;
        int n = faces.size() * 2;
        if (n <= k + OVERSAMPLE) throw new IllegalArgumentException("need more than " + (k + OVERSAMPLE) / 2 + " faces, got " + faces.size());
        float[] x = new float[n * dim];
        for (int i = 0; i < faces.size(); i++) {
            float[] chw = faces.get(i);
            for (int flip = 0; flip < 2; flip++) {
                int row = (2 * i + flip) * dim;
                for (int c = 0; c < 3; c++)
                    for (int y = 0; y < res; y++)
                        for (int xx = 0; xx < res; xx++) {
                            double s = 0;
                            for (int dy = 0; dy < f; dy++)
                                for (int dx = 0; dx < f; dx++) {
                                    int sx = xx * f + dx;
                                    if (flip == 1) sx = FacePrior.SIZE - 1 - sx;
                                    s += chw[c * plane + (y * f + dy) * FacePrior.SIZE + sx];
                                }
                            x[row + c * rp + y * res + xx] = (float) (s / (f * f));
                        }
            }
        }
        double[] meanD = new double[dim];
        for (int i = 0; i < n; i++)
            for (int d = 0; d < dim; d++) meanD[d] += x[i * dim + d];
        float[] mean = new float[dim];
        for (int d = 0; d < dim; d++) mean[d] = (float) (meanD[d] / n);
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int d = 0; d < dim; d++) {
                float v = x[i * dim + d] - mean[d];
                x[i * dim + d] = v;
                total += (double) v * v;
            }
        total /= (n - 1);
        int l = Math.min(k + OVERSAMPLE, dim);
        Djl.init();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xa = m.create(x, new Shape(n, dim));
            Random rnd = new Random(seed);
            float[] q0 = new float[dim * l];
            for (int i = 0; i < q0.length; i++) q0[i] = (float) rnd.nextGaussian();
            double[] q = orthonormalColumns(q0, dim, l);
            for (int it = 0; it < POWER_ITERATIONS; it++) {
                NDArray qa = m.create(toFloat(q), new Shape(dim, l));
                NDArray z = xa.transpose().matMul(xa.matMul(qa)); // X^T X Q
                q = orthonormalColumns(z.toFloatArray(), dim, l);
            }
            NDArray qa = m.create(toFloat(q), new Shape(dim, l));
            float[] y = xa.matMul(qa).toFloatArray(); // N x L
            double[] s = new double[l * l];
            for (int i = 0; i < n; i++)
                for (int a = 0; a < l; a++) {
                    double ya = y[i * l + a];
                    for (int b = a; b < l; b++) s[a * l + b] += ya * y[i * l + b];
                }
            for (int a = 0; a < l; a++)
                for (int b = 0; b < a; b++) s[a * l + b] = s[b * l + a];
            for (int i = 0; i < s.length; i++) s[i] /= (n - 1);
            SymmetricEigen.Result e = SymmetricEigen.of(s, l);
            float[] basis = new float[k * dim];
            float[] variance = new float[k];
            double kept = 0;
            for (int j = 0; j < k; j++) {
                variance[j] = (float) e.values()[j];
                kept += e.values()[j];
                for (int d = 0; d < dim; d++) {
                    double v = 0;
                    for (int a = 0; a < l; a++) v += q[d * l + a] * e.vectors()[a * l + j];
                    basis[j * dim + d] = (float) v;
                }
            }
            float noise = (float) Math.max((total - kept) / (dim - k), 1e-8);
            return new Fit(FacePrior.tensors(res, mean, basis, variance, noise), faces.size(), kept / total, noise);
        }
    }

    private static float[] toFloat(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (float) a[i];
        return out;
    }

    /** Modified Gram-Schmidt (twice, for float inputs) on the L columns of a row-major D x L matrix. */
    static double[] orthonormalColumns(float[] a, int rows, int cols) {
        double[] q = new double[a.length];
        for (int i = 0; i < a.length; i++) q[i] = a[i];
        for (int pass = 0; pass < 2; pass++)
            for (int j = 0; j < cols; j++) {
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int r = 0; r < rows; r++) dot += q[r * cols + p] * q[r * cols + j];
                    for (int r = 0; r < rows; r++) q[r * cols + j] -= dot * q[r * cols + p];
                }
                double norm = 0;
                for (int r = 0; r < rows; r++) norm += q[r * cols + j] * q[r * cols + j];
                norm = Math.sqrt(norm);
                if (norm < 1e-12) throw new IllegalStateException("degenerate subspace at column " + j);
                for (int r = 0; r < rows; r++) q[r * cols + j] /= norm;
            }
        return q;
    }
}
