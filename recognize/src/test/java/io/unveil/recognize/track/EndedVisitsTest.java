package io.unveil.recognize.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
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

    static KeyValueStore<String, Long> store() {
        KeyValueStore<String, Long> s = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("ended"), Serdes.String(),
                Serdes.Long()).withLoggingDisabled().build();
        s.init(new MockProcessorContext<>().getStateStoreContext(), s);
        return s;
    }

    @Test
    void aNewInstanceStartsFromTheMarksItsStoreHolds() {
        KeyValueStore<String, Long> s = store();
        EndedVisits before = new EndedVisits(10, s);
        before.ended(ended("door/cam", 7, 10_000)); // a camera id with a '/' in it
        before.ended(ended("lobby", 3, 5_000));
        before.ended(ended("lobby", 4, 20_000));
        assertEquals(10_000L, s.get("door/cam/7"));
        before.forget(java.util.Map.of("lobby", 20_000 + EndedVisits.HORIZON_GAPS * 3_000L - 1), 3_000);
        assertEquals(null, s.get("lobby/3"), "forgotten in the store too");

        EndedVisits after = new EndedVisits(2, s); // the restart: a smaller bound drops the oldest end on the next mark
        assertEquals(2, after.size());
        assertTrue(after.isLate("door/cam", 7, 11_000, 3_000));
        assertTrue(after.isLate("lobby", 4, 21_000, 3_000));
        assertFalse(after.isLate("lobby", 3, 5_000, 3_000));
        after.ended(ended("lobby", 5, 30_000));
        assertFalse(after.isLate("door/cam", 7, 11_000, 3_000), "the oldest (by last capture time) went first");
        assertEquals(null, s.get("door/cam/7"), "and left the store");
        assertEquals(2L, s.approximateNumEntries());
    }

    @Test
    void refusesAnEmptyBound() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new EndedVisits(0));
    }
}
