package io.unveil.research.train.recognizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.research.data.AlignedFace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contrastive term of {@code unveil train recognizer --contrast-weight W}: an occluded face's descriptor, centred
 * on the bank's mean and made unit length, is scored (cosine / temperature) against the teacher's clean descriptor of
 * every training photo; the loss is the cross-entropy of its own photo among its own photo and the photos of every
 * other identity (the person's other photos are left out: neither positive nor negative). The squared distance to the
 * teacher's descriptor predicts the mean of what an occluder leaves possible, pulling masked faces together; this term
 * scores the ranking the gallery's open-set match depends on (docs/rules/2026-12-06-robust-contrast.md).
 */
final class ContrastBank {
    /** Added to the logits of left-out rows: exp(-1e4) is 0 in float. */
    static final float LEFT_OUT = -1e4f;
    private final float[] bank;   // rows: centred unit teacher descriptors of the training photos (not mirrored)
    private final int[] identity; // identity index per row
    private final float[] center;
    private final int rows, dim;
    private final float temperature;

    ContrastBank(float[][] teacher, int[] identity, float temperature) {
        if (!(temperature > 0)) throw new IllegalArgumentException("--contrast-temperature must be > 0, got " + temperature);
        this.rows = teacher.length;
        this.dim = teacher[0].length;
        this.identity = identity.clone();
        this.temperature = temperature;
        this.center = new float[dim];
        for (float[] t : teacher) for (int k = 0; k < dim; k++) center[k] += t[k] / rows;
        this.bank = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            float[] u = unitCentred(teacher[r]);
            System.arraycopy(u, 0, bank, r * dim, dim);
        }
    }

    /** The bank of the trainer's faces: the teacher's plain (not mirrored) descriptor of each, identities by name. */
    static ContrastBank of(float[][][] teacher, List<AlignedFace> faces, float temperature) {
        float[][] plain = new float[faces.size()][];
        int[] ids = new int[faces.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < faces.size(); i++) {
            plain[i] = teacher[i][0];
            ids[i] = index.computeIfAbsent(faces.get(i).identity(), k -> index.size());
        }
        return new ContrastBank(plain, ids, temperature);
    }

    float[] unitCentred(float[] d) {
        float[] u = new float[dim];
        double n = 0;
        for (int k = 0; k < dim; k++) {
            u[k] = d[k] - center[k];
            n += u[k] * (double) u[k];
        }
        float inv = (float) (1 / Math.max(Math.sqrt(n), 1e-6));
        for (int k = 0; k < dim; k++) u[k] *= inv;
        return u;
    }

    /**
     * Mean loss over the batch rows that are occluded; null when none is.
     *
     * @param d    the student's descriptors (batch x dim), in the graph
     * @param face each row's index in the bank
     */
    NDArray loss(NDManager m, NDArray d, int[] face, boolean[] clean) {
        int b = face.length, occluded = 0;
        float[] leftOut = new float[b * rows], own = new float[b * rows], use = new float[b];
        for (int i = 0; i < b; i++) {
            if (clean[i]) continue;
            occluded++;
            use[i] = 1;
            int id = identity[face[i]];
            for (int r = 0; r < rows; r++) if (identity[r] == id && r != face[i]) leftOut[i * rows + r] = LEFT_OUT;
            own[i * rows + face[i]] = 1;
        }
        if (occluded == 0) return null;
        NDArray c = d.sub(m.create(center));
        NDArray u = c.div(c.square().sum(new int[]{1}, true).sqrt().add(1e-6f));
        NDArray logits = u.matMul(m.create(bank, new Shape(rows, dim)).transpose()).div(temperature)
                .add(m.create(leftOut, new Shape(b, rows)));
        NDArray perRow = logits.logSoftmax(1).mul(m.create(own, new Shape(b, rows))).sum(new int[]{1}).neg();
        return perRow.mul(m.create(use)).sum().div(occluded);
    }

    /** The same loss for one descriptor in plain Java (tests; the reference the NDArray form must agree with). */
    double lossOf(float[] descriptor, int face) {
        float[] u = unitCentred(descriptor);
        double max = Double.NEGATIVE_INFINITY;
        double[] s = new double[rows];
        for (int r = 0; r < rows; r++) {
            if (identity[r] == identity[face] && r != face) {
                s[r] = Double.NaN;
                continue;
            }
            double dot = 0;
            for (int k = 0; k < dim; k++) dot += u[k] * (double) bank[r * dim + k];
            s[r] = dot / temperature;
            max = Math.max(max, s[r]);
        }
        double sum = 0;
        for (double v : s) if (!Double.isNaN(v)) sum += Math.exp(v - max);
        return -(s[face] - max - Math.log(sum));
    }
}
