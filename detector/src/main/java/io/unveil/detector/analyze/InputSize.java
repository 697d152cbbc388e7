package io.unveil.detector.analyze;

import java.util.List;

/**
 * The TinyFaceDetector input sizes {@code analyze} runs on a photo when not given one. The detector scales the long side
 * to its input size, so a large photo at the default 416 shrinks small faces below what it finds: on face-api's
 * sample2.jpg (1920x1367, two people) 416 (x4.6 smaller) finds 1 face, 608 (x3.2) both. Large faces go the other way:
 * on sample3.jpg (three ~300-px faces) 416 finds all three and 608 only two. So a photo whose long side is over
 * 416 x {@link #MAX_SHRINK} runs at 416 and at long/{@value #MAX_SHRINK} (a multiple of 32, the network's stride, at most
 * {@link #MAX}, the largest size face-api documents for this detector) and the faces of both are merged (NMS).
 */
public final class InputSize {
    public static final int DEFAULT = 416;
    public static final int MAX = 608;
    public static final double MAX_SHRINK = 3.3;

    private InputSize() {
    }

    /** The sizes to run, the default first; one size for a photo small enough for the default alone. */
    public static List<Integer> forImage(int width, int height) {
        int wanted = (int) Math.ceil(Math.max(width, height) / MAX_SHRINK / 32.0) * 32;
        int large = Math.min(MAX, wanted);
        return large > DEFAULT ? List.of(DEFAULT, large) : List.of(DEFAULT);
    }
}
