package io.unveil.research.eval.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableTest {
    private static SegmentResult result(int i, boolean enrolled, String occluder, Decision d) {
        Segment s = new Segment(i, "p" + i, enrolled, occluder, Path.of(i + ".jpg"), 30 * i, 30 * i + 20);
        return new SegmentResult(s, d, null, null, Double.NaN, Double.NaN, 1, 10, 1, false, null, null, Double.NaN, Double.NaN);
    }

    /** A realistic run's occluded segments are counted per type; plain segments are not in it. */
    @Test
    void occludedSegmentsAreCountedPerOccluderType() {
        String t = LiveTable.byOccluder(List.of(
                result(0, true, "hand", Decision.CORRECT),
                result(1, true, "hand", Decision.UNKNOWN),
                result(2, false, "hand", Decision.WRONG),
                result(3, true, "medical-mask", Decision.WRONG),
                result(4, false, "medical-mask", Decision.UNKNOWN),
                result(5, true, null, Decision.CORRECT)));
        assertTrue(t.contains("| hand | 1/2 (50%) | 0/1 (0%) | 1 of 3 |"), t);
        assertTrue(t.contains("| medical-mask | 0/1 (0%) | 1/1 (100%) | 1 of 2 |"), t);
        assertEquals(4, t.lines().count(), "header, rule and one row per type: " + t);
    }

    /** One occluder type (the default medical mask): the main table already says it all. */
    @Test
    void aRunWithOneOccluderTypeHasNoBreakdown() {
        assertEquals("", LiveTable.byOccluder(List.of(result(0, true, "medical-mask", Decision.CORRECT),
                result(1, false, "medical-mask", Decision.UNKNOWN))));
    }
}
