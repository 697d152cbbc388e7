package io.unveil.research.eval.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcclusionCallsTest {
    static final long ORIGIN = 1_000_000;

    /** Capture time of frame k at 10 fps. */
    static long at(int frame) {
        return ORIGIN + frame * 100L;
    }

    @Test
    void plainFacesCalledOccludedAreTheEstimatorsFalsePositives() {
        List<Segment> segs = List.of(
                new Segment(0, "A", true, null, Path.of("a.jpg"), 0, 20),
                new Segment(1, "B", false, "medical-mask", Path.of("b.jpg"), 30, 50),
                new Segment(2, "C", false, null, Path.of("c.jpg"), 60, 80));
        List<LiveRecording.Estimate> est = List.of(
                new LiveRecording.Estimate(at(1), 1, false, false),
                new LiveRecording.Estimate(at(2), 1, true, true),     // plain face called occluded: a false positive
                new LiveRecording.Estimate(at(3), 1, false, false),
                new LiveRecording.Estimate(at(25), 1, true, true),    // in the blank gap: left out
                new LiveRecording.Estimate(at(31), 2, true, true),    // masked: a hit
                new LiveRecording.Estimate(at(32), 2, false, false),  // masked: a miss
                new LiveRecording.Estimate(at(61), 3, false, false));
        OcclusionCalls c = OcclusionCalls.of(segs, est, ORIGIN, 10);
        assertEquals(4, c.plainFaces());
        assertEquals(1, c.plainOccluded());
        assertEquals(1, c.plainInpainted());
        assertEquals(0.25, c.falsePositiveRate(), 1e-12);
        assertEquals(2, c.plainSegments());
        assertEquals(1, c.plainSegmentsFlagged());
        assertEquals(2, c.occludedFaces());
        assertEquals(0.5, c.hitRate(), 1e-12);
        assertTrue(c.markdown().contains("1/4 (25%)"), c.markdown());
    }

    @Test
    void withoutTheInpaintRoleThereIsNothingToCount() {
        OcclusionCalls c = OcclusionCalls.of(List.of(new Segment(0, "A", true, null, Path.of("a.jpg"), 0, 20)), List.of(), ORIGIN, 10);
        assertTrue(Double.isNaN(c.falsePositiveRate()));
        assertTrue(c.markdown().contains("did not run"));
    }
}
