package io.unveil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileClockTest {
    static final long OPEN = 1_000_000;

    @Test
    void aFileReadFasterThanRealTimeIsStampedInThePastWithItsOwnSpacing() {
        FileClock c = new FileClock();
        c.startPass(OPEN, 60_000, false); // a one-minute file
        // the whole file read within 2 s of wall time: each frame's stamp stays at or before the wall clock
        for (int k = 0; k < 600; k++) {
            long mediaUs = k * 100_000L;
            long now = OPEN + k * 3; // 3 ms per frame
            assertEquals(0, c.waitMs(mediaUs, now), "frame " + k + " is not held");
            long s = c.stamp(mediaUs);
            assertTrue(s <= now, "frame " + k + " stamped " + (s - now) + " ms in the future");
            assertEquals(OPEN - 60_000 + k * 100L, s, "frame " + k + " keeps the file's spacing");
        }
    }

    @Test
    void aRealTimeFileFollowsTheWallClock() {
        FileClock c = new FileClock();
        c.startPass(OPEN, 60_000, true);
        assertEquals(OPEN, c.stamp(0));
        assertEquals(OPEN + 500, c.stamp(500_000));
    }

    @Test
    void aLoopedFileNeverGoesBackAndIsHeldOnceAheadOfTheWallClock() {
        FileClock c = new FileClock();
        c.startPass(OPEN, 10_000, false);
        long last = 0;
        for (int k = 0; k < 100; k++) last = c.stamp(k * 100_000L);
        assertEquals(OPEN - 10_000 + 9_900, last);
        // the second pass opens 1 s later: it must start after the first one's last stamp, not at open - duration
        c.startPass(OPEN + 1_000, 10_000, false);
        long first = c.stamp(0);
        assertEquals(last + 1, first);
        assertEquals(0, c.waitMs(1_000_000, OPEN + 1_000), "1 s into the pass: stamped before the wall clock");
        assertEquals(3_901, c.waitMs(5_000_000, OPEN + 1_000), "5 s into the pass (stamped open - 99 ms + 5 s): held 3.9 s");
    }

    @Test
    void withoutADurationTheFileIsPacedToTheWallClock() {
        FileClock c = new FileClock();
        c.startPass(OPEN, -1, false);
        assertEquals(0, c.waitMs(0, OPEN));
        assertEquals(40, c.waitMs(40_000, OPEN));
        assertEquals(OPEN + 40, c.stamp(40_000));
    }
}
