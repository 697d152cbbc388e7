package io.unveil.ingest;

/**
 * Capture times of a file camera: frame k of a pass is stamped {@code origin + its media time}, so frames keep the
 * file's spacing (the tracker's gaps and {@code eval live}'s frame mapping rely on it), and never later than the wall
 * clock. A file read faster than real time once stamped frames up to minutes in the future (the broker warned about
 * future timestamps, and a visit's "end" came before its frames' times).
 * <ul>
 *   <li>A pass read as fast as possible starts at {@code open - duration}: the file is stamped as if it had just
 *       finished playing, so the whole pass is in the past however fast it is read.</li>
 *   <li>A pass read at real time ({@code camera.<id>.realtime}) starts at the open: stamps follow the wall clock.</li>
 *   <li>A later pass (a looped file) starts after the previous one's last stamp, so time never goes back.</li>
 *   <li>A frame whose stamp is still ahead of the wall clock (the duration is unknown, or a looped file is read faster
 *       than real time after its first pass) is held until the wall clock reaches it: {@link #waitMs}.</li>
 * </ul>
 */
final class FileClock {
    private long originMs;
    private long lastStampMs = Long.MIN_VALUE;

    /** Starts a pass opened at {@code openedWallMs}; {@code durationMs} &lt;= 0 when the file's length is unknown. */
    void startPass(long openedWallMs, long durationMs, boolean realtime) {
        long origin = realtime || durationMs <= 0 ? openedWallMs : openedWallMs - durationMs;
        originMs = lastStampMs == Long.MIN_VALUE ? origin : Math.max(origin, lastStampMs + 1);
    }

    /** The capture time of the frame at {@code mediaUs} of this pass. */
    long stamp(long mediaUs) {
        long s = originMs + Math.max(0, mediaUs) / 1000;
        lastStampMs = Math.max(lastStampMs, s);
        return s;
    }

    /** How long to hold the frame at {@code mediaUs} so that its stamp is not ahead of {@code nowMs} (0: none). */
    long waitMs(long mediaUs, long nowMs) {
        return Math.max(0, originMs + Math.max(0, mediaUs) / 1000 - nowMs);
    }
}
