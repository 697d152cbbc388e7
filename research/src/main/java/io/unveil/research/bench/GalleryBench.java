package io.unveil.research.bench;

import io.unveil.core.record.GalleryEntry;
import io.unveil.recognize.match.CentroidMatcher;
import io.unveil.recognize.match.GalleryIndex;
import io.unveil.recognize.match.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Gallery matching: the recognizer's {@link CentroidMatcher} (unit centroids in dimension-major blocks, one pass with a
 * running top-2) against a brute-force loop over the {@link GalleryEntry} objects computing each cosine with its norms,
 * at several gallery sizes; ms per face and the heap the snapshot takes; and what one re-enrollment costs the
 * recognizer ({@link GalleryIndex#apply}: one block copied) against rebuilding the whole snapshot. Centroids are
 * random 128-D vectors (matching cost does not depend on their values); the answers of both methods are checked to agree.
 */
public final class GalleryBench {
    public static final int DIM = 128;

    private GalleryBench() {
    }

    public static void run(int[] sizes, BenchTable table) {
        Random rnd = new Random(7);
        for (int n : sizes) {
            List<GalleryEntry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) entries.add(entry(i, rnd));
            long before = usedHeapAfterGc();
            CentroidMatcher matcher = CentroidMatcher.of(entries);
            long snapshotBytes = usedHeapAfterGc() - before;
            float[][] queries = new float[32][];
            for (int q = 0; q < queries.length; q++) queries[q] = gaussian(rnd);
            int iterations = Math.max(5, Math.min(200, 20_000_000 / n));
            int[] k = {0};
            Timer.Timing matrix = Timer.time(() -> matcher.match(queries[k[0]++ % queries.length]), 3, iterations);
            int bruteIterations = Math.max(3, iterations / 8);
            Timer.Timing brute = Timer.time(() -> bruteForce(entries, queries[k[0]++ % queries.length]), 1, bruteIterations);
            for (int qi = 0; qi < 4; qi++) {
                float[] q = queries[qi];
                Match m = matcher.match(q);
                String b = bruteForce(entries, q);
                if (!b.equals(m.identityId())) throw new IllegalStateException("matcher and brute force disagree at n=" + n);
            }
            table.add(new BenchTable.Row(String.format("gallery match, %,d identities", n), matrix.wallMs(), matrix.cpuMs(), "ms/face",
                    "brute-force per-identity loop", brute.wallMs(), brute.cpuMs(), false));
            table.add(String.format("gallery snapshot heap, %,d identities", n), snapshotBytes / 1048576.0, Double.NaN, "MiB");
            // what one enrollment (or re-enrollment) costs the recognizer: an incremental snapshot vs rebuilding it
            GalleryIndex index = new GalleryIndex();
            index.load(entries);
            Timer.Timing rebuild = Timer.time(() -> CentroidMatcher.of(entries), 1, Math.max(3, Math.min(50, 5_000_000 / n)));
            int[] u = {0};
            Timer.Timing update = Timer.time(() -> {
                int i = u[0]++ % n;
                index.apply("id-" + i, new GalleryEntry("id-" + i, "person " + i, gaussian(rnd), 6, 0.9f, 2, 0, 0, Map.of()));
            }, 3, 200);
            if (index.snapshot().size() != n) throw new IllegalStateException("incremental updates changed the gallery size at n=" + n);
            table.add(new BenchTable.Row(String.format("gallery update (one re-enrollment), %,d identities", n), update.wallMs(), update.cpuMs(),
                    "ms", "full snapshot rebuild", rebuild.wallMs(), rebuild.cpuMs(), false));
            System.err.printf("gallery %,d: matrix %.3f ms, brute %.3f ms, snapshot %.1f MiB%n", n, matrix.wallMs(), brute.wallMs(),
                    snapshotBytes / 1048576.0);
        }
    }

    public static GalleryEntry entry(int i, Random rnd) {
        return new GalleryEntry("id-" + i, "person " + i, gaussian(rnd), 5, 0.9f, 1, 0, 0, Map.of());
    }

    public static float[] gaussian(Random rnd) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) v[d] = (float) rnd.nextGaussian();
        return v;
    }

    /** The straightforward way: walk every identity, cosine with both norms computed per pair. */
    public static String bruteForce(List<GalleryEntry> entries, float[] q) {
        String best = null;
        double bestS = Double.NEGATIVE_INFINITY;
        for (GalleryEntry e : entries) {
            float[] c = e.centroid();
            double dot = 0, nc = 0, nq = 0;
            for (int d = 0; d < c.length; d++) {
                dot += c[d] * q[d];
                nc += c[d] * c[d];
                nq += q[d] * q[d];
            }
            double s = dot / Math.sqrt(nc * nq);
            if (s > bestS) {
                bestS = s;
                best = e.id();
            }
        }
        return best;
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
