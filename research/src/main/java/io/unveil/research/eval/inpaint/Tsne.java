package io.unveil.research.eval.inpaint;

import java.util.Random;

/**
 * Exact t-SNE (van der Maaten and Hinton 2008) to 2-D, O(n²) per iteration: for the few hundred identity
 * descriptors a report plots. Perplexity-calibrated Gaussian affinities (binary search on the precision), symmetrised
 * joint P, Student-t Q, gradient descent with momentum 0.5 then 0.8, per-parameter gains, early exaggeration 12 for
 * the first 250 iterations, learning rate max(n / 48, 50) (scikit-learn's "auto"; 200 throws points of small sets
 * far out), seeded initialisation N(0, 1e-4).
 */
public final class Tsne {
    private final double perplexity;
    private final int iterations;
    private final long seed;

    public Tsne(double perplexity, int iterations, long seed) {
        if (perplexity <= 1) throw new IllegalArgumentException("perplexity must exceed 1");
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.seed = seed;
    }

    /** 2-D embedding, one row per input row. Perplexity is capped at (n-1)/3 for small inputs. */
    public double[][] embed(double[][] x) {
        int n = x.length;
        if (n < 4) throw new IllegalArgumentException("t-SNE needs at least 4 points, got " + n);
        double perp = Math.min(perplexity, (n - 1) / 3.0);
        double[][] p = conditional(squaredDistances(x), perp);
        double[][] pj = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) pj[i][j] = Math.max((p[i][j] + p[j][i]) / (2.0 * n), 1e-12);

        Random rnd = new Random(seed);
        double[][] y = new double[n][2], vel = new double[n][2], gains = new double[n][2];
        for (int i = 0; i < n; i++) {
            y[i][0] = rnd.nextGaussian() * 1e-2;
            y[i][1] = rnd.nextGaussian() * 1e-2;
            gains[i][0] = gains[i][1] = 1;
        }
        double lr = Math.max(n / 12.0 / 4.0, 50);
        double[][] num = new double[n][n];
        double[][] grad = new double[n][2];
        for (int it = 0; it < iterations; it++) {
            double exag = it < 250 ? 12 : 1;
            double momentum = it < 250 ? 0.5 : 0.8;
            double sum = 0;
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) {
                    double dx = y[i][0] - y[j][0], dy = y[i][1] - y[j][1];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    num[i][j] = num[j][i] = q;
                    sum += 2 * q;
                }
            for (int i = 0; i < n; i++) {
                double gx = 0, gy = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    double m = (exag * pj[i][j] - num[i][j] / sum) * num[i][j];
                    gx += m * (y[i][0] - y[j][0]);
                    gy += m * (y[i][1] - y[j][1]);
                }
                grad[i][0] = 4 * gx;
                grad[i][1] = 4 * gy;
            }
            for (int i = 0; i < n; i++)
                for (int d = 0; d < 2; d++) {
                    boolean sameSign = Math.signum(grad[i][d]) == Math.signum(vel[i][d]);
                    gains[i][d] = Math.max(0.01, sameSign ? gains[i][d] * 0.8 : gains[i][d] + 0.2);
                    vel[i][d] = momentum * vel[i][d] - lr * gains[i][d] * grad[i][d];
                    y[i][d] += vel[i][d];
                }
            // keep the embedding centred
            double cx = 0, cy = 0;
            for (double[] r : y) {
                cx += r[0];
                cy += r[1];
            }
            for (double[] r : y) {
                r[0] -= cx / n;
                r[1] -= cy / n;
            }
        }
        return y;
    }

    static double[][] squaredDistances(double[][] x) {
        int n = x.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < x[i].length; k++) {
                    double t = x[i][k] - x[j][k];
                    s += t * t;
                }
                d[i][j] = d[j][i] = s;
            }
        return d;
    }

    /** Row-stochastic p(j|i) whose entropy (nats) equals log(perplexity), by bisection on the precision beta. */
    static double[][] conditional(double[][] d2, double perplexity) {
        int n = d2.length;
        double target = Math.log(perplexity);
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            double beta = 1, lo = 0, hi = Double.POSITIVE_INFINITY;
            for (int step = 0; step < 200; step++) {
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) if (j != i) min = Math.min(min, d2[i][j]);
                double sum = 0, dsum = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        p[i][j] = 0;
                        continue;
                    }
                    double v = Math.exp(-beta * (d2[i][j] - min));
                    p[i][j] = v;
                    sum += v;
                    dsum += v * (d2[i][j] - min);
                }
                double h = Math.log(sum) + beta * dsum / sum; // entropy of the normalised row
                for (int j = 0; j < n; j++) p[i][j] /= sum;
                if (Math.abs(h - target) < 1e-6) break;
                if (h > target) {
                    lo = beta;
                    beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
                } else {
                    hi = beta;
                    beta = (beta + lo) / 2;
                }
            }
        }
        return p;
    }
}
