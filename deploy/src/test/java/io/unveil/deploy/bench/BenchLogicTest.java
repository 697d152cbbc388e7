package io.unveil.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.GalleryEntry;
import io.unveil.recognize.match.CentroidMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenchLogicTest {
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
    void e2eEnrolsHalfThePeopleOccludedAndNot() {
        assertEquals(List.of(0, 1, 4, 5, 8, 9), EndToEndBench.enrolled(12, 0.5));
        assertEquals(12, new HashSet<>(EndToEndBench.enrolled(12, 1.0)).size());
        assertTrue(EndToEndBench.enrolled(12, 0).isEmpty());
        assertEquals(List.of(0, 1, 4), EndToEndBench.enrolled(5, 0.6));
        assertThrows(IllegalArgumentException.class, () -> EndToEndBench.enrolled(12, 1.5));
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

    @Test
    void benchCommandListsItsSubcommands() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new io.unveil.deploy.Unveil());
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(0, cl.execute("bench", "--help"));
        for (String c : new String[]{"stages", "e2e", "inpaint"}) assertTrue(out.toString().contains(c), out.toString());
        assertTrue(cl.execute("bench", "stages", "--stages", "NOPE") != 0);
    }

    @Test
    void latencyPercentilesAndGrowth() {
        List<long[]> s = new ArrayList<>();
        for (int i = 0; i < 100; i++) s.add(new long[]{1000 + i * 10L, 100 + i});
        assertEquals(149, EndToEndBench.pct(s, 50), 1e-9);
        assertEquals(198, EndToEndBench.pct(s, 99), 1e-9);
        // arrivals 1000..1990: first fifth [1000,1198) mean of 100..119, last fifth [1792,1990) mean of 180..198
        double g = EndToEndBench.growth(s, 1000, 1990);
        assertEquals((180 + 198) / 2.0 - (100 + 119) / 2.0, g, 1e-9);
        assertTrue(Double.isNaN(EndToEndBench.pct(List.of(), 50)));
    }
}
