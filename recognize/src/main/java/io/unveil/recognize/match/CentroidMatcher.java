package io.unveil.recognize.match;

import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.OcclusionRegion;
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
    public static final CentroidMatcher EMPTY = new CentroidMatcher(new String[0], new String[0], new float[0][][], null, null, 0, null, null);
    private static final OcclusionRegion[] REGIONS = OcclusionRegion.values();

    private final String[] ids;
    private final String[] names;
    private final float[][][] blocks;
    /**
     * Occlusion-matched centroids, one layer per {@link OcclusionRegion} in the same row order and block layout as
     * {@link #blocks} (a row whose entry has no centroid for the region is zero and {@code has[region][row]} false);
     * null when occlusion-matched centroids are off (they would triple the snapshot's memory for nothing).
     */
    private final float[][][][] regionBlocks;
    private final boolean[][] has;
    private final int dim;
    private final float[] center;
    private final Thresholds thresholds;

    private CentroidMatcher(String[] ids, String[] names, float[][][] blocks, float[][][][] regionBlocks, boolean[][] has, int dim,
                            float[] center, Thresholds thresholds) {
        this.ids = ids;
        this.names = names;
        this.blocks = blocks;
        this.regionBlocks = regionBlocks;
        this.has = has;
        this.dim = dim;
        this.center = center;
        this.thresholds = thresholds;
    }

    /** Builds a snapshot; entries without a usable centroid (null, zero, wrong dimension) are skipped with a warning. */
    public static CentroidMatcher of(Collection<GalleryEntry> entries) {
        return of(entries, null);
    }

    /** With {@code center} (see {@link Vectors#centered}) centroids and queries are compared in the centred space. */
    public static CentroidMatcher of(Collection<GalleryEntry> entries, float[] center) {
        return of(entries, center, null, false);
    }

    /**
     * @param thresholds   per-condition thresholds that {@link #match(float[], ProbeCondition)} holds each centroid to
     *                     (null: that method matches plain centroids only, without a threshold, like {@link #match(float[])})
     * @param matchRegions also keep the entries' occlusion-matched centroids and compare occluded probes against them
     */
    public static CentroidMatcher of(Collection<GalleryEntry> entries, float[] center, Thresholds thresholds, boolean matchRegions) {
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
        float[][][] blocks = newLayer(n, dim);
        boolean regions = matchRegions && thresholds != null;
        float[][][][] regionBlocks = regions ? new float[REGIONS.length][][][] : null;
        boolean[][] has = regions ? new boolean[REGIONS.length][n] : null;
        if (regions) for (int r = 0; r < REGIONS.length; r++) regionBlocks[r] = newLayer(n, dim);
        for (int i = 0; i < n; i++) {
            GalleryEntry e = usable.get(i);
            ids[i] = e.id();
            names[i] = e.name();
            setColumn(blocks, i, Vectors.centered(e.centroid(), center));
            if (!regions) continue;
            for (int r = 0; r < REGIONS.length; r++) {
                float[] oc = regionCentroid(e, REGIONS[r], dim);
                if (oc == null) continue;
                setColumn(regionBlocks[r], i, Vectors.centered(oc, center));
                has[r][i] = true;
            }
        }
        return new CentroidMatcher(ids, names, blocks, regionBlocks, has, dim, center, thresholds);
    }

    private static float[][][] newLayer(int n, int dim) {
        float[][][] layer = new float[(n + BLOCK - 1) / BLOCK][][];
        for (int b = 0; b < layer.length; b++) layer[b] = new float[dim][Math.min(BLOCK, n - b * BLOCK)];
        return layer;
    }

    private static void setColumn(float[][][] layer, int row, float[] c) {
        float[][] block = layer[row / BLOCK];
        for (int d = 0; d < c.length; d++) block[d][row % BLOCK] = c[d];
    }

    /** The entry's centroid for the region when it is usable in this dimension, else null (old entries have none). */
    private static float[] regionCentroid(GalleryEntry e, OcclusionRegion region, int dim) {
        float[] oc = e.occludedCentroid(region);
        return oc != null && oc.length == dim && Vectors.norm(oc) > 1e-12f ? oc : null;
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
     * block holding the row is copied (at most {@value #BLOCK} x d floats per layer); the others are shared with this
     * snapshot, so one enrollment into a 100k gallery copies ~0.5 MB per layer instead of rebuilding 51 MB.
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
        float[][][] newBlocks = layerWithRow(blocks, row, size, Vectors.centered(e.centroid(), center));
        float[][] oc = new float[REGIONS.length][];
        for (int r = 0; r < REGIONS.length; r++) oc[r] = regionCentroid(e, REGIONS[r], dim);
        Regions regions = regions(r -> layerWithRow(regionBlocks[r], row, size, oc[r] == null ? new float[dim] : Vectors.centered(oc[r], center)),
                r -> {
                    boolean[] h = Arrays.copyOf(has[r], size);
                    h[row] = oc[r] != null;
                    return h;
                });
        return new CentroidMatcher(newIds, newNames, newBlocks, regions.blocks(), regions.has(), dim, center, thresholds);
    }

    /** The region layers of a new snapshot, each made by {@code layer} and {@code hasRows} (none when this one keeps none). */
    private record Regions(float[][][][] blocks, boolean[][] has) {
    }

    private Regions regions(java.util.function.IntFunction<float[][][]> layer, java.util.function.IntFunction<boolean[]> hasRows) {
        if (regionBlocks == null) return new Regions(null, null);
        float[][][][] b = new float[REGIONS.length][][][];
        boolean[][] h = new boolean[REGIONS.length][];
        for (int r = 0; r < REGIONS.length; r++) {
            b[r] = layer.apply(r);
            h[r] = hasRows.apply(r);
        }
        return new Regions(b, h);
    }

    private float[][][] layerWithRow(float[][][] layer, int row, int size, float[] c) {
        int b = row / BLOCK;
        float[][][] out = Arrays.copyOf(layer, (size + BLOCK - 1) / BLOCK);
        out[b] = b < layer.length ? copyBlock(layer[b], Math.min(BLOCK, size - b * BLOCK)) : new float[dim][1];
        for (int d = 0; d < dim; d++) out[b][d][row % BLOCK] = c[d];
        return out;
    }

    /** A new snapshot without row {@code row}: the last row moves into its place (two blocks per layer copied at most). */
    CentroidMatcher withoutRow(int row) {
        int n = ids.length;
        if (row < 0 || row >= n) throw new IndexOutOfBoundsException("row " + row + " of " + n);
        if (n == 1) return new CentroidMatcher(new String[0], new String[0], new float[0][][], null, null, 0, null, thresholds);
        int last = n - 1;
        String[] newIds = Arrays.copyOf(ids, last);
        String[] newNames = Arrays.copyOf(names, last);
        if (row != last) {
            newIds[row] = ids[last];
            newNames[row] = names[last];
        }
        float[][][] newBlocks = layerWithoutRow(blocks, row, last);
        Regions regions = regions(r -> layerWithoutRow(regionBlocks[r], row, last), r -> {
            boolean[] h = Arrays.copyOf(has[r], last);
            if (row != last) h[row] = has[r][last];
            return h;
        });
        return new CentroidMatcher(newIds, newNames, newBlocks, regions.blocks(), regions.has(), dim, center, thresholds);
    }

    private float[][][] layerWithoutRow(float[][][] layer, int row, int last) {
        int lb = last / BLOCK, rb = row / BLOCK;
        float[][][] out = Arrays.copyOf(layer, (last + BLOCK - 1) / BLOCK);
        if (row != last) {
            float[][] target = copyBlock(layer[rb], layer[rb][0].length);
            for (int d = 0; d < dim; d++) target[d][row % BLOCK] = layer[lb][d][last % BLOCK];
            out[rb] = target;
        }
        if (lb < out.length) out[lb] = copyBlock(lb == rb && row != last ? out[rb] : layer[lb], last - lb * BLOCK);
        return out;
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

    /**
     * This snapshot with other per-condition thresholds (the matrices are shared, nothing is copied); null when this one
     * has none (plain matching stays plain). What a gallery that grew or shrank is held to ({@link ThresholdSchedule}).
     */
    public CentroidMatcher withThresholds(Thresholds t) {
        if (thresholds == null || t == null || t.equals(thresholds)) return this;
        return new CentroidMatcher(ids, names, blocks, regionBlocks, has, dim, center, t);
    }

    /** The per-condition thresholds of {@link #match(float[], ProbeCondition)} (null: none). */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** Best and second-best identity by cosine similarity against the plain centroids. The embedding need not be normalized. */
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

    /**
     * Best and second-best identity for a probe seen in {@code condition}, each identity scored by how far it clears
     * the threshold of the comparison: the probe against its plain centroid (threshold of the condition), and, for an
     * occluded or repaired probe whose region is known, against the centroid of that region (the occlusion-matched
     * threshold) when this snapshot keeps them; the better of the two counts. The match carries the raw similarity of
     * the comparison that won, its threshold, and the second-best identity on that threshold's scale (second's lead over
     * its own threshold + this threshold), so the policy and {@link Match#margin()} read it as for one threshold.
     * Without thresholds, {@link #match(float[])}. Costs a second pass over the matrix when a region is compared.
     */
    public Match match(float[] embedding, ProbeCondition condition) {
        if (thresholds == null) return match(embedding);
        if (ids.length == 0) return Match.NONE;
        if (embedding.length != dim)
            throw new IllegalArgumentException("embedding has " + embedding.length + " dimensions, gallery has " + dim);
        float tp = thresholds.plainCentroid(condition.condition());
        float tm = regionBlocks == null || condition.region() == null ? Float.NaN : thresholds.matchedCentroid(condition.condition());
        int region = Float.isNaN(tm) ? -1 : condition.region().ordinal();
        float[] q = Vectors.centered(embedding, center);
        float[] plain = new float[Math.min(BLOCK, ids.length)];
        float[] matched = region < 0 ? null : new float[plain.length];
        int best = -1;
        float n1 = Float.NEGATIVE_INFINITY, n2 = Float.NEGATIVE_INFINITY, raw = 0f, thr = tp;
        boolean bestMatched = false;
        for (int b = 0; b < blocks.length; b++) {
            int rows = blocks[b][0].length;
            scoreBlock(blocks[b], q, plain, rows);
            if (region >= 0) scoreBlock(regionBlocks[region][b], q, matched, rows);
            for (int j = 0; j < rows; j++) {
                int row = b * BLOCK + j;
                float n = plain[j] - tp;
                boolean viaRegion = region >= 0 && has[region][row] && matched[j] - tm > n;
                if (viaRegion) n = matched[j] - tm;
                if (n > n1) {
                    n2 = n1;
                    n1 = n;
                    best = row;
                    raw = viaRegion ? matched[j] : plain[j];
                    thr = viaRegion ? tm : tp;
                    bestMatched = viaRegion;
                } else if (n > n2) {
                    n2 = n;
                }
            }
        }
        float second = n2 == Float.NEGATIVE_INFINITY ? -1f : n2 + thr;
        return new Match(ids[best], names[best], raw, second, thr, bestMatched ? condition.region().key() : "plain");
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
