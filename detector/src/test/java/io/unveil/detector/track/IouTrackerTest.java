package io.unveil.detector.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.unveil.core.record.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class IouTrackerTest {
    final IouTracker tracker = new IouTracker(0.3, 2000);

    @Test
    void aFastWalkerKeepsItsTrackThanksToVelocity() {
        TrackerState s = TrackerState.empty();
        long id = -1;
        for (int i = 0; i < 15; i++) {
            // 60 px boxes moving 30 px per frame: IoU between frames 0.33, with prediction ~1
            var r = tracker.update(s, List.of(new Box(30 * i, 100, 60, 60)), i * 100L);
            s = r.state();
            if (i == 0) id = r.trackIds()[0];
            assertEquals(id, r.trackIds()[0], "frame " + i);
        }
        assertEquals(1, s.tracks().size());
        assertEquals(15, s.tracks().get(0).hits());
    }

    @Test
    void twoPeopleCrossingKeepTheirIdsWhileApart() {
        TrackerState s = TrackerState.empty();
        var r = tracker.update(s, List.of(new Box(0, 0, 50, 50), new Box(200, 0, 50, 50)), 0);
        long a = r.trackIds()[0], b = r.trackIds()[1];
        assertNotEquals(a, b);
        r = tracker.update(r.state(), List.of(new Box(190, 0, 50, 50), new Box(10, 0, 50, 50)), 100);
        assertArrayEquals(new long[]{b, a}, r.trackIds(), "order of detections does not matter");
    }

    @Test
    void tracksEndAfterTheGapAndIdsAreNeverReused() {
        var r = tracker.update(TrackerState.empty(), List.of(new Box(0, 0, 50, 50)), 0);
        long first = r.trackIds()[0];
        r = tracker.update(r.state(), List.of(), 2500);
        assertEquals(0, r.state().tracks().size());
        r = tracker.update(r.state(), List.of(new Box(0, 0, 50, 50)), 2600);
        assertNotEquals(first, r.trackIds()[0]);
        assertEquals(first + 1, r.trackIds()[0]);
    }
}
