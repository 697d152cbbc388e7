package io.unveil.research.train.prior;

import io.unveil.core.model.WeightFile;
import io.unveil.inpaint.idgan.Tensors;
import io.unveil.inpaint.prior.FacePrior;
import io.unveil.research.train.idgan.MaskSource;
import io.unveil.research.train.idgan.TrainingFace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Chooses the number of components of the face prior by a rule fixed before looking: the highest mean hole PSNR on
 * the given (VALIDATION-CHOOSE) faces with one seeded hole each; a smaller K within 0.1 dB of the best wins (smaller
 * file, less overfit to shading).
 */
public final class PriorChoice {
    static final double TIE_DB = 0.1;

    public record Row(int k, double psnrHole, double psnrWhole, int faces) {
    }

    public record Result(List<Row> rows, int chosen) {
    }

    private PriorChoice() {
    }

    public static Result choose(List<WeightFile.Tensor> full, List<Integer> ks, List<TrainingFace> faces, MaskSource holes, long seed) {
        if (faces.isEmpty()) throw new IllegalArgumentException("no faces to choose the number of components on");
        List<Row> rows = new ArrayList<>();
        for (int k : ks.stream().sorted().toList()) {
            FacePrior p;
            try {
                p = FacePrior.of(leading(full, k), "k" + k);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Random rnd = new Random(seed);
            double hole = 0, whole = 0;
            for (TrainingFace f : faces) {
                float[] mask = holes.next(f, rnd);
                float[] x = Tensors.chw(f.face());
                float[] y = p.fill(x, mask);
                hole += psnr(x, y, mask, true);
                whole += psnr(x, y, mask, false);
            }
            rows.add(new Row(k, hole / faces.size(), whole / faces.size(), faces.size()));
        }
        double best = rows.stream().mapToDouble(Row::psnrHole).max().orElseThrow();
        int chosen = rows.stream().filter(r -> r.psnrHole() >= best - TIE_DB).mapToInt(Row::k).min().orElseThrow();
        return new Result(rows, chosen);
    }

    /** PSNR (8-bit scale) over the hole or the whole face, the values rounded to 8 bits as an image would be. */
    static double psnr(float[] truth, float[] repaired, float[] mask, boolean holeOnly) {
        int plane = mask.length;
        double se = 0;
        long n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (holeOnly && mask[i % plane] <= 0.5f) continue;
            double d = Math.round(truth[i] * 255) - Math.round(repaired[i] * 255);
            se += d * d;
            n++;
        }
        return 10 * Math.log10(255.0 * 255 / Math.max(se / Math.max(n, 1), 1e-10));
    }

    /**
     * The prior's tensors with only the first k components (the fit's components are sorted by variance); the noise
     * level takes in the variance of the components left out, as a fit with k components would have it.
     */
    public static List<WeightFile.Tensor> leading(List<WeightFile.Tensor> full, int k) {
        List<WeightFile.Tensor> out = new ArrayList<>();
        float[] variance = full.stream().filter(t -> t.name().equals("variance")).findFirst().orElseThrow().values();
        long dim = full.stream().filter(t -> t.name().equals("mean")).findFirst().orElseThrow().values().length;
        for (WeightFile.Tensor t : full) {
            switch (t.name()) {
                case "basis" -> {
                    long per = t.dims()[1] * t.dims()[2] * t.dims()[3];
                    if (k > t.dims()[0]) throw new IllegalArgumentException("only " + t.dims()[0] + " components, asked " + k);
                    out.add(new WeightFile.Tensor("basis", new long[] {k, t.dims()[1], t.dims()[2], t.dims()[3]},
                            Arrays.copyOf(t.values(), Math.toIntExact(k * per))));
                }
                case "variance" -> out.add(new WeightFile.Tensor("variance", new long[] {k}, Arrays.copyOf(t.values(), k)));
                case "noise" -> {
                    double left = t.values()[0] * (double) (dim - variance.length);
                    for (int j = k; j < variance.length; j++) left += variance[j];
                    out.add(new WeightFile.Tensor("noise", new long[] {1}, new float[] {(float) (left / (dim - k))}));
                }
                default -> out.add(t);
            }
        }
        return out;
    }
}
