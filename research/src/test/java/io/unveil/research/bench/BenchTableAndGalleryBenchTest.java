package io.unveil.research.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.GalleryEntry;
import io.unveil.recognize.match.CentroidMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenchTableAndGalleryBenchTest {
    @Test
    void ratiosSayHowManyTimesBetterUnveilIs() {
        var slower = new BenchTable.Row("ms", 10, 5, "ms/face", "ref", 40, 10, false);
        assertEquals(4.0, slower.ratio(), 1e-9);
        assertEquals(2.0, slower.cpuRatio(), 1e-9);
        var throughput = new BenchTable.Row("faces/s", 60, 30, "faces/s", "ref", 20, Double.NaN, true);
        assertEquals(3.0, throughput.ratio(), 1e-9);
        assertTrue(Double.isNaN(throughput.cpuRatio()));
        BenchTable t = new BenchTable("T");
        t.add(slower);
        t.add("no reference", 1.5, Double.NaN, "ms");
        String md = t.markdown();
        assertTrue(md.contains("| ms | 10.00 | 5.00 | ms/face | ref | 40.00 | 10.00 | 4.0x | 2.0x |"), md);
        assertTrue(md.contains("| no reference | 1.50 | - | ms | - | - | - | - | - |"), md);
    }

    @Test
    void bruteForceAgreesWithTheMatrixMatcher() {
        Random rnd = new Random(3);
        List<GalleryEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) entries.add(GalleryBench.entry(i, rnd));
        CentroidMatcher m = CentroidMatcher.of(entries);
        for (int q = 0; q < 20; q++) {
            float[] v = GalleryBench.gaussian(rnd);
            assertEquals(m.match(v).identityId(), GalleryBench.bruteForce(entries, v));
        }
        // a query equal to one centroid (scaled) finds it
        float[] c = entries.get(123).centroid().clone();
        for (int d = 0; d < c.length; d++) c[d] *= 3;
        assertEquals("id-123", GalleryBench.bruteForce(entries, c));
    }
}
