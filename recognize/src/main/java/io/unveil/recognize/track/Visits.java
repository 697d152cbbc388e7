package io.unveil.recognize.track;

import io.unveil.recognize.match.Vectors;
import java.util.Collection;

/**
 * When a visit ends and which visit a new tracker track continues. The tracker (detector) ends a track when it loses a
 * face for {@code detector.track-max-gap-ms}, or at once when the face jumps (a looped clip restarting): one person in
 * a looping clip at 2 fps gave 48 tracks in 3.5 minutes. A visit outlives its track by the visit gap
 * ({@code recognize.idle-timeout}); a new track on the same camera whose first face looks like the visit (centred
 * cosine to the visit's fused embedding at least {@code recognize.rejoin-similarity}, by default the calibrated match
 * threshold: the same "same person" test the gallery uses) continues it.
 */
public final class Visits {
    private Visits() {
    }

    /**
     * Whether a visit has ended: its camera's latest capture time is a gap past its last face, or its camera has sent
     * no face for {@code quietMs} of wall-clock time (the camera went quiet, or the stream stopped). The wall-clock
     * bound is separate and longer than the gap: on a loaded machine (load average 80 on 2 cores) faces of one visit
     * reached the recognizer 4 s of wall time apart, and a 3 s wall-clock end split every visit into one-face visits.
     *
     * @param cameraTimeMs   latest capture time seen from the visit's camera
     * @param cameraWallMs   wall-clock time its camera's latest face was processed
     */
    public static boolean ended(TrackState t, long cameraTimeMs, long wallMs, long cameraWallMs, long gapMs, long quietMs) {
        if (cameraTimeMs - t.lastCaptureMs >= gapMs) return true;
        return wallMs - t.lastSeenWallMs >= quietMs && wallMs - cameraWallMs >= quietMs;
    }

    /**
     * The open visit a new track's first face continues, or null: among visits of the same camera that had no face at
     * this capture time (two faces in one frame are two people), the one most similar to the face, if at least
     * {@code minSimilarity}. Embeddings are compared after subtracting {@code center} (null: none), as the matcher does.
     */
    public static TrackState rejoin(Collection<TrackState> open, float[] embedding, long captureMs, float[] center, float minSimilarity) {
        float[] probe = Vectors.centered(embedding, center);
        TrackState best = null;
        float bestSim = minSimilarity;
        for (TrackState t : open) {
            if (t.lastCaptureMs >= captureMs || t.frames == 0) continue;
            float s = Vectors.cosine(probe, Vectors.centered(t.sum, center));
            if (s >= bestSim) {
                best = t;
                bestSim = s;
            }
        }
        return best;
    }
}
