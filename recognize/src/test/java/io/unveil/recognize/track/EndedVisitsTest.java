package io.unveil.recognize.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndedVisitsTest {
    static TrackState ended(String cam, long track, long lastCaptureMs) {
        TrackState t = new TrackState(cam, track, 3);
        t.lastCaptureMs = lastCaptureMs;
        return t;
    }

    @Test
    void aFaceWithinAGapOfItsEndedVisitIsLateLaterOnesAreANewVisit() {
        EndedVisits v = new EndedVisits(10);
        v.ended(ended("cam", 7, 10_000));
        assertTrue(v.isLate("cam", 7, 9_000, 3_000), "before the visit's last face");
        assertTrue(v.isLate("cam", 7, 12_999, 3_000), "within the gap");
        assertFalse(v.isLate("cam", 7, 13_000, 3_000), "a gap after: the gap rule makes it a new visit");
        assertFalse(v.isLate("cam", 8, 10_000, 3_000), "another track");
        assertFalse(v.isLate("cam2", 7, 10_000, 3_000), "another camera");
    }

    @Test
    void theVisitsCurrentTrackIsRememberedAndUntrackedFacesAreNot() {
        EndedVisits v = new EndedVisits(10);
        TrackState rejoined = ended("cam", 7, 10_000);
        rejoined.detectorTrackId = 9;
        v.ended(rejoined);
        assertTrue(v.isLate("cam", 9, 10_000, 3_000));
        v.ended(ended("cam", -1, 10_000));
        assertEquals(1, v.size());
    }

    @Test
    void boundedByCountOldestFirstAndForgottenOnceTheCameraIsFarPast() {
        EndedVisits v = new EndedVisits(2);
        v.ended(ended("cam", 1, 1_000));
        v.ended(ended("cam", 2, 1_000));
        v.ended(ended("cam", 3, 1_000));
        assertEquals(2, v.size());
        assertFalse(v.isLate("cam", 1, 1_000, 3_000), "the oldest went first");
        assertTrue(v.isLate("cam", 3, 1_000, 3_000));
        v.ended(ended("other", 1, 1_000));
        v.forget(java.util.Map.of("cam", 1_000 + EndedVisits.HORIZON_GAPS * 3_000L - 1), 3_000);
        assertEquals(2, v.size(), "not yet");
        v.forget(java.util.Map.of("cam", 1_000 + EndedVisits.HORIZON_GAPS * 3_000L), 3_000);
        assertEquals(1, v.size(), "cam's forgotten, the other camera's kept (no time known for it)");
        assertTrue(v.isLate("other", 1, 1_000, 3_000));
    }

    @Test
    void refusesAnEmptyBound() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new EndedVisits(0));
    }
}
