package io.unveil.recognize.track;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VisitsTest {
    static TrackState visit(long id, float[] who, long lastCaptureMs, long lastWallMs) {
        TrackState t = new TrackState("cam", id, who.length);
        System.arraycopy(who, 0, t.sum, 0, who.length);
        t.frames = 3;
        t.lastCaptureMs = lastCaptureMs;
        t.lastSeenWallMs = lastWallMs;
        return t;
    }

    @Test
    void aNewTrackOfTheSamePersonContinuesTheirVisit() {
        TrackState alice = visit(1, TrackFusionTest.ALICE, 1_000, 0);
        TrackState bob = visit(2, TrackFusionTest.BOB, 1_000, 0);
        float[] aliceAgain = {0.95f, 0.1f, 0.05f};
        assertSame(alice, Visits.rejoin(List.of(bob, alice), aliceAgain, 1_500, null, 0.8f));
        assertNull(Visits.rejoin(List.of(bob, alice), TrackFusionTest.STRANGER, 1_500, null, 0.8f), "a stranger starts a visit");
        assertNull(Visits.rejoin(List.of(alice), aliceAgain, 1_000, null, 0.8f),
                "a visit with a face in this very frame is someone else standing beside them");
    }

    @Test
    void theCentreIsSubtractedAsTheMatcherDoes() {
        // both descriptors share a large common component: raw cosine 0.99, centred they are orthogonal
        TrackState alice = visit(1, new float[]{1, 0, 10}, 1_000, 0);
        float[] centre = {0, 0, 1};
        assertSame(alice, Visits.rejoin(List.of(alice), new float[]{1, 0, 10}, 1_500, centre, 0.8f));
        assertNull(Visits.rejoin(List.of(alice), new float[]{0, 1, 10}, 1_500, centre, 0.8f));
        assertSame(alice, Visits.rejoin(List.of(alice), new float[]{0, 1, 10}, 1_500, null, 0.8f), "without the centre: 0.99");
    }

    @Test
    void aVisitEndsAGapAfterItsLastFaceInCaptureTimeOrWhenItsCameraWentQuiet() {
        TrackState t = visit(1, TrackFusionTest.ALICE, 10_000, 50_000);
        assertFalse(Visits.ended(t, 12_999, 50_100, 50_100, 3_000, 10_000));
        assertTrue(Visits.ended(t, 13_000, 50_100, 50_100, 3_000, 10_000), "the camera's faces are a gap past it");
        assertTrue(Visits.ended(t, 10_000, 60_000, 50_000, 3_000, 10_000), "nothing from its camera for the quiet timeout");
        assertFalse(Visits.ended(t, 10_000, 54_000, 50_000, 3_000, 10_000),
                "a slow pipeline: its camera's next face is 4 s of wall time away, but within the quiet timeout");
        assertFalse(Visits.ended(t, 11_000, 70_000, 69_900, 3_000, 10_000),
                "a backlog: wall time went on but its camera still sends faces within the gap");
    }
}
