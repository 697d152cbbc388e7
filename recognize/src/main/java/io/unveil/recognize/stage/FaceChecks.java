package io.unveil.recognize.stage;

import io.unveil.core.record.Box;
import io.unveil.core.record.Face;

/** Structural checks on a face record before it is embedded: the reason it is unusable, or null when it is fine. */
final class FaceChecks {
    static final int MAX_ID = 256;
    static final float MAX_COORD = 1_000_000f;

    private FaceChecks() {
    }

    static String problem(Face f) {
        if (f == null) return "null face value (a tombstone or empty record on a face topic)";
        if (f.faceId() == null || f.faceId().isBlank()) return "face has no faceId";
        if (f.faceId().length() > MAX_ID) return "faceId is " + f.faceId().length() + " characters, at most " + MAX_ID;
        if (f.cameraId() != null && f.cameraId().length() > MAX_ID)
            return "cameraId is " + f.cameraId().length() + " characters, at most " + MAX_ID;
        if (!Float.isFinite(f.score())) return "score is not finite: " + f.score();
        Box b = f.box();
        if (b == null) return "face has no box";
        if (!finite(b.x()) || !finite(b.y()) || !finite(b.width()) || !finite(b.height()))
            return "box has NaN/Inf or out-of-range coordinates: " + b;
        if (b.width() <= 0 || b.height() <= 0) return "box is empty: " + b;
        float[] lm = f.landmarks();
        if (lm != null) {
            if (lm.length != 136) return "landmarks must be 68 (x,y) pairs (136 floats), got " + lm.length;
            for (float v : lm) if (!finite(v)) return "landmarks contain NaN/Inf or out-of-range values";
        }
        return null;
    }

    private static boolean finite(float v) {
        return Float.isFinite(v) && Math.abs(v) <= MAX_COORD;
    }
}
