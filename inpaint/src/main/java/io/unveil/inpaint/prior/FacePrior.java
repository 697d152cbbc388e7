package io.unveil.inpaint.prior;

import io.unveil.core.model.WeightFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A linear (PCA, "eigenface") model of aligned FACE_128 faces at a reduced resolution: x = mean + sum_k c_k b_k with
 * orthonormal b_k and c_k ~ N(0, variance_k), fitted on the TRAIN identities of celeba-subset
 * ({@code unveil train face-prior}). {@link #complete} fits c to the <em>visible</em> pixels only (maximum a posteriori,
 * i.e. ridge-regularised least squares: (B_v^T B_v + noise * diag(1/variance)) c = B_v^T (x_v - mean_v)) and returns the
 * whole model face, whose hole part carries a nose, mouth and chin placed where an aligned face has them and shaded
 * like the visible rest. The aligned geometry is what makes a linear model enough: every face has its parts at the
 * same place.
 *
 * <p>Weight file tensors: {@code mean} [3, r, r] in [0,1], {@code basis} [K, 3, r, r] (orthonormal rows),
 * {@code variance} [K], {@code noise} [1] (the mean variance the K components leave, per value). Thread-safe
 * (immutable).
 */
public final class FacePrior {
    public static final String RESOURCE = "/io/unveil/inpaint/prior/face-prior.bin";
    public static final int SIZE = 128;

    private final int res;
    private final int k;
    private final float[] mean;      // [3 * res * res]
    private final float[] basisDk;   // [dim * k + j]: dimension-major, for sums over pixels
    private final double[] gram;     // B^T B over every dimension [k * k]
    private final double[] ridge;    // noise / variance_j
    private final String name;

    FacePrior(int res, float[] mean, float[] basisKd, float[] variance, float noise, String name) {
        this.res = res;
        this.k = variance.length;
        int dim = 3 * res * res;
        if (mean.length != dim || basisKd.length != (long) k * dim)
            throw new IllegalArgumentException("face prior: mean " + mean.length + " / basis " + basisKd.length + " values for "
                    + k + " components at " + res + "x" + res);
        if (SIZE % res != 0) throw new IllegalArgumentException("face prior resolution " + res + " must divide " + SIZE);
        this.mean = mean.clone();
        this.basisDk = new float[basisKd.length];
        for (int j = 0; j < k; j++)
            for (int d = 0; d < dim; d++) basisDk[d * k + j] = basisKd[j * dim + d];
        this.gram = new double[k * k];
        for (int d = 0; d < dim; d++) accumulate(gram, d, 1);
        this.ridge = new double[k];
        for (int j = 0; j < k; j++) {
            if (!(variance[j] > 0)) throw new IllegalArgumentException("face prior: variance " + j + " is " + variance[j]);
            ridge[j] = Math.max(noise, 1e-8) / variance[j];
        }
        this.name = name;
    }

    /** The committed prior ({@value #RESOURCE}). */
    public static FacePrior bundled() {
        return Bundled.PRIOR;
    }

    private static final class Bundled {
        static final FacePrior PRIOR = loadResource();

        private static FacePrior loadResource() {
            try (InputStream in = FacePrior.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("no committed face prior at " + RESOURCE);
                return of(WeightFile.read(new BufferedInputStream(in)), "pca-prior:" + RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the committed face prior " + RESOURCE, e);
            }
        }
    }

    public static FacePrior load(Path file) {
        try {
            return of(WeightFile.read(file), "pca-prior:" + file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read face prior " + file, e);
        }
    }

    public static FacePrior of(List<WeightFile.Tensor> tensors, String name) throws IOException {
        Map<String, WeightFile.Tensor> t = new HashMap<>();
        for (WeightFile.Tensor x : tensors) t.put(x.name(), x);
        for (String need : List.of("mean", "basis", "variance", "noise"))
            if (!t.containsKey(need)) throw new IOException("not a face prior file: no tensor '" + need + "'");
        long[] md = t.get("mean").dims();
        if (md.length != 3 || md[0] != 3 || md[1] != md[2]) throw new IOException("face prior mean must be [3, r, r]");
        return new FacePrior((int) md[1], t.get("mean").values(), t.get("basis").values(), t.get("variance").values(),
                t.get("noise").values()[0], name);
    }

    /** The tensors of a weight file for this model (what {@code unveil train face-prior} writes). */
    public static List<WeightFile.Tensor> tensors(int res, float[] mean, float[] basisKd, float[] variance, float noise) {
        int k = variance.length;
        return List.of(new WeightFile.Tensor("mean", new long[] {3, res, res}, mean),
                new WeightFile.Tensor("basis", new long[] {k, 3, res, res}, basisKd),
                new WeightFile.Tensor("variance", new long[] {k}, variance),
                new WeightFile.Tensor("noise", new long[] {1}, new float[] {noise}));
    }

    public String name() {
        return name;
    }

    public int resolution() {
        return res;
    }

    public int components() {
        return k;
    }

    /** g += sign * b_d b_d^T, b_d = the K basis values of dimension d. */
    private void accumulate(double[] g, int d, double sign) {
        int o = d * k;
        for (int a = 0; a < k; a++) {
            double ba = sign * basisDk[o + a];
            if (ba == 0) continue;
            int row = a * k;
            for (int b = a; b < k; b++) g[row + b] += ba * basisDk[o + b];
        }
    }

    /**
     * The model face fitted to the visible pixels of one face.
     *
     * @param chw  128x128 face, planar RGB in [0,1] (3 * 128 * 128)
     * @param mask 128 * 128 values, above 0.5 = hole (not used for the fit)
     * @return the whole model face, upsampled to 128x128, planar RGB in [0,1]
     */
    public float[] complete(float[] chw, float[] mask) {
        int plane = SIZE * SIZE;
        if (chw.length != 3 * plane || mask.length != plane)
            throw new IllegalArgumentException("face prior needs a 3x128x128 face and a 128x128 mask");
        int f = SIZE / res, rp = res * res, dim = 3 * rp;
        // downsample by f x f means; a low-resolution pixel is visible only when all its source pixels are
        float[] x = new float[dim];
        boolean[] hole = new boolean[rp];
        int holes = 0;
        for (int y = 0; y < res; y++)
            for (int xx = 0; xx < res; xx++) {
                boolean h = false;
                double[] s = new double[3];
                for (int dy = 0; dy < f; dy++)
                    for (int dx = 0; dx < f; dx++) {
                        int p = (y * f + dy) * SIZE + xx * f + dx;
                        h |= mask[p] > 0.5f;
                        for (int c = 0; c < 3; c++) s[c] += chw[c * plane + p];
                    }
                int q = y * res + xx;
                hole[q] = h;
                if (h) holes++;
                for (int c = 0; c < 3; c++) x[c * rp + q] = (float) (s[c] / (f * f));
            }
        double[] a = new double[k * k];
        if (holes <= rp / 2) { // B_v^T B_v = B^T B - B_h^T B_h: sum over the smaller set
            System.arraycopy(gram, 0, a, 0, a.length);
            for (int c = 0; c < 3; c++)
                for (int q = 0; q < rp; q++) if (hole[q]) accumulate(a, c * rp + q, -1);
        } else {
            for (int c = 0; c < 3; c++)
                for (int q = 0; q < rp; q++) if (!hole[q]) accumulate(a, c * rp + q, 1);
        }
        double[] rhs = new double[k];
        for (int c = 0; c < 3; c++)
            for (int q = 0; q < rp; q++) {
                if (hole[q]) continue;
                int d = c * rp + q;
                double r = x[d] - mean[d];
                int o = d * k;
                for (int j = 0; j < k; j++) rhs[j] += basisDk[o + j] * r;
            }
        for (int i = 0; i < k; i++) {
            a[i * k + i] += ridge[i];
            for (int j = 0; j < i; j++) a[i * k + j] = a[j * k + i];
        }
        double[] coef = Cholesky.solve(a, rhs, k);
        float[] low = new float[dim];
        for (int d = 0; d < dim; d++) {
            double v = mean[d];
            int o = d * k;
            for (int j = 0; j < k; j++) v += basisDk[o + j] * coef[j];
            low[d] = (float) v;
        }
        return upsample(low);
    }

    /** Bilinear (pixel-centre aligned) from r x r to 128 x 128, clamped to [0,1]. */
    private float[] upsample(float[] low) {
        int plane = SIZE * SIZE, rp = res * res;
        float[] out = new float[3 * plane];
        double scale = (double) res / SIZE;
        for (int y = 0; y < SIZE; y++) {
            double sy = Math.max(0, Math.min(res - 1, (y + 0.5) * scale - 0.5));
            int y0 = (int) sy, y1 = Math.min(res - 1, y0 + 1);
            double wy = sy - y0;
            for (int x = 0; x < SIZE; x++) {
                double sx = Math.max(0, Math.min(res - 1, (x + 0.5) * scale - 0.5));
                int x0 = (int) sx, x1 = Math.min(res - 1, x0 + 1);
                double wx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    int o = c * rp;
                    double v = (1 - wy) * ((1 - wx) * low[o + y0 * res + x0] + wx * low[o + y0 * res + x1])
                            + wy * ((1 - wx) * low[o + y1 * res + x0] + wx * low[o + y1 * res + x1]);
                    out[c * plane + y * SIZE + x] = (float) Math.max(0, Math.min(1, v));
                }
            }
        }
        return out;
    }

    /** The face with its hole (mask above 0.5) replaced by the model face; known values unchanged. */
    public float[] fill(float[] chw, float[] mask) {
        float[] model = complete(chw, mask);
        int plane = SIZE * SIZE;
        float[] out = chw.clone();
        for (int p = 0; p < plane; p++)
            if (mask[p] > 0.5f) for (int c = 0; c < 3; c++) out[c * plane + p] = model[c * plane + p];
        return out;
    }
}
