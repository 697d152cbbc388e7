package io.unveil.recognize.match;

import io.unveil.core.record.GalleryEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable snapshot of the gallery as a matrix of unit-length (centred) centroids. Matching an embedding is one
 * matrix-vector product with a running top-2, never a per-identity object walk. A new snapshot is built whenever the
 * gallery changes ({@link GalleryIndex}); readers keep using the old one until they pick up the new one.
 *
 * <p>Layout: blocks of up to {@value #BLOCK} identities, each stored dimension-major ({@code blocks[b][d][j]} =
 * coordinate d of identity b*BLOCK+j). The scan then accumulates the scores of a whole block as
 * {@code score[j] += q[d] * blocks[b][d][j]}, four dimensions per pass: element-wise work with no cross-lane reduction
 * and one array per dimension (no possible aliasing), which HotSpot's C2 turns into SIMD code. The row-major dot
 * product it replaced is a floating-point reduction that C2 does not vectorise: 100k x 128 took 10-14 ms per face, this
 * layout 2.7-3.3 ms on the same core (docs/benchmarks.md).
 */
public final class CentroidMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CentroidMatcher.class);
    static final int BLOCK = 1024;
    public static final CentroidMatcher EMPTY = new CentroidMatcher(new String[0], new String[0], new float[0][][], 0, null);

    private final String[] ids;
    private final String[] names;
    private final float[][][] blocks;
    private final int dim;
    private final float[] center;

    private CentroidMatcher(String[] ids, String[] names, float[][][] blocks, int dim, float[] center) {
        this.ids = ids;
        this.names = names;
        this.blocks = blocks;
        this.dim = dim;
        this.center = center;
    }

    /** Builds a snapshot; entries without a usable centroid (null, zero, wrong dimension) are skipped with a warning. */
    public static CentroidMatcher of(Collection<GalleryEntry> entries) {
        return of(entries, null);
    }

    /** With {@code center} (see {@link Vectors#centered}) centroids and queries are compared in the centred space. */
    public static CentroidMatcher of(Collection<GalleryEntry> entries, float[] center) {
        int dim = 0;
        for (GalleryEntry e : entries) {
            if (e != null && e.centroid() != null && e.centroid().length > 0) {
                dim = e.centroid().length;
                break;
            }
        }
        if (dim == 0) return EMPTY;
        List<GalleryEntry> usable = new ArrayList<>(entries.size());
        for (GalleryEntry e : entries) {
            if (e == null) continue;
            if (!usable(e, dim, center)) {
                LOG.warn("gallery entry {} has no usable {}-D centroid; it is not matched", e.id(), dim);
                continue;
            }
            usable.add(e);
        }
        int n = usable.size();
        String[] ids = new String[n];
        String[] names = new String[n];
        float[][][] blocks = new float[(n + BLOCK - 1) / BLOCK][][];
        for (int b = 0; b < blocks.length; b++) blocks[b] = new float[dim][Math.min(BLOCK, n - b * BLOCK)];
        for (int i = 0; i < n; i++) {
            GalleryEntry e = usable.get(i);
            ids[i] = e.id();
            names[i] = e.name();
            float[] c = Vectors.centered(e.centroid(), center);
            float[][] block = blocks[i / BLOCK];
            for (int d = 0; d < dim; d++) block[d][i % BLOCK] = c[d];
        }
        return new CentroidMatcher(ids, names, blocks, dim, center);
    }

    static boolean usable(GalleryEntry e, int dim, float[] center) {
        return e.centroid() != null && e.centroid().length == dim && Vectors.norm(e.centroid()) > 1e-12f
                && (center == null || center.length == dim);
    }

    /** True when {@link #withRow} can take this entry: the snapshot has a dimension and the centroid is usable in it. */
    boolean accepts(GalleryEntry e) {
        return dim > 0 && usable(e, dim, center);
    }

    String idAt(int row) {
        return ids[row];
    }

    /**
     * A new snapshot with row {@code row} set to {@code e}, or {@code e} appended when {@code row == size()}. Only the
     * block holding the row is copied (at most {@value #BLOCK} x d floats); the others are shared with this snapshot,
     * so one enrollment into a 100k gallery copies ~0.5 MB instead of rebuilding 51 MB.
     */
    CentroidMatcher withRow(int row, GalleryEntry e) {
        if (!accepts(e)) throw new IllegalArgumentException("gallery entry " + e.id() + " has no usable " + dim + "-D centroid");
        int n = ids.length;
        if (row < 0 || row > n) throw new IndexOutOfBoundsException("row " + row + " of " + n);
        int size = row == n ? n + 1 : n;
        String[] newIds = Arrays.copyOf(ids, size);
        String[] newNames = Arrays.copyOf(names, size);
        newIds[row] = e.id();
        newNames[row] = e.name();
        int b = row / BLOCK;
        float[][][] newBlocks = Arrays.copyOf(blocks, (size + BLOCK - 1) / BLOCK);
        newBlocks[b] = b < blocks.length ? copyBlock(blocks[b], Math.min(BLOCK, size - b * BLOCK)) : new float[dim][1];
        float[] c = Vectors.centered(e.centroid(), center);
        for (int d = 0; d < dim; d++) newBlocks[b][d][row % BLOCK] = c[d];
        return new CentroidMatcher(newIds, newNames, newBlocks, dim, center);
    }

    /** A new snapshot without row {@code row}: the last row moves into its place (two blocks copied at most). */
    CentroidMatcher withoutRow(int row) {
        int n = ids.length;
        if (row < 0 || row >= n) throw new IndexOutOfBoundsException("row " + row + " of " + n);
        if (n == 1) return EMPTY;
        int last = n - 1;
        String[] newIds = Arrays.copyOf(ids, last);
        String[] newNames = Arrays.copyOf(names, last);
        int lb = last / BLOCK, rb = row / BLOCK;
        float[][][] newBlocks = Arrays.copyOf(blocks, (last + BLOCK - 1) / BLOCK);
        if (row != last) {
            newIds[row] = ids[last];
            newNames[row] = names[last];
            float[][] target = copyBlock(blocks[rb], blocks[rb][0].length);
            for (int d = 0; d < dim; d++) target[d][row % BLOCK] = blocks[lb][d][last % BLOCK];
            newBlocks[rb] = target;
        }
        if (lb < newBlocks.length) newBlocks[lb] = copyBlock(lb == rb && row != last ? newBlocks[rb] : blocks[lb], last - lb * BLOCK);
        return new CentroidMatcher(newIds, newNames, newBlocks, dim, center);
    }

    private float[][] copyBlock(float[][] block, int rows) {
        float[][] out = new float[dim][];
        for (int d = 0; d < dim; d++) out[d] = Arrays.copyOf(block[d], rows);
        return out;
    }

    public int size() {
        return ids.length;
    }

    public int dimension() {
        return dim;
    }

    /** Best and second-best identity by cosine similarity. The embedding need not be normalized. */
    public Match match(float[] embedding) {
        if (ids.length == 0) return Match.NONE;
        if (embedding.length != dim)
            throw new IllegalArgumentException("embedding has " + embedding.length + " dimensions, gallery has " + dim);
        float[] q = Vectors.centered(embedding, center);
        float[] scores = new float[Math.min(BLOCK, ids.length)];
        int best = -1;
        float s1 = Float.NEGATIVE_INFINITY, s2 = -1f;
        for (int b = 0; b < blocks.length; b++) {
            float[][] block = blocks[b];
            int rows = block[0].length;
            scoreBlock(block, q, scores, rows);
            for (int j = 0; j < rows; j++) {
                float s = scores[j];
                if (s > s1) {
                    s2 = best < 0 ? -1f : s1;
                    s1 = s;
                    best = b * BLOCK + j;
                } else if (s > s2) {
                    s2 = s;
                }
            }
        }
        return new Match(ids[best], names[best], s1, s2);
    }

    /** scores[0..rows) = block^T q, accumulated four dimensions per pass (see the class comment). */
    private void scoreBlock(float[][] block, float[] q, float[] scores, int rows) {
        Arrays.fill(scores, 0, rows, 0f);
        int d = 0;
        for (; d + 4 <= dim; d += 4)
            axpy4(scores, rows, block[d], q[d], block[d + 1], q[d + 1], block[d + 2], q[d + 2], block[d + 3], q[d + 3]);
        for (; d < dim; d++) {
            float[] col = block[d];
            float qd = q[d];
            for (int j = 0; j < rows; j++) scores[j] += qd * col[j];
        }
    }

    private static void axpy4(float[] s, int rows, float[] y0, float q0, float[] y1, float q1, float[] y2, float q2,
                              float[] y3, float q3) {
        for (int j = 0; j < rows; j++) s[j] += q0 * y0[j] + q1 * y1[j] + q2 * y2[j] + q3 * y3[j];
    }

    /** Similarity to one identity (or NaN when it is not in this snapshot). */
    public float similarityTo(String identityId, float[] embedding) {
        float[] q = Vectors.centered(embedding, center);
        for (int r = 0; r < ids.length; r++) {
            if (ids[r].equals(identityId)) {
                float[][] block = blocks[r / BLOCK];
                float s = 0f;
                for (int c = 0; c < dim; c++) s += block[c][r % BLOCK] * q[c];
                return s;
            }
        }
        return Float.NaN;
    }
}
