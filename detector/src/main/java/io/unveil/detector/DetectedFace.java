package io.unveil.detector;

import io.unveil.core.record.Box;

/** A face found in an image: box and detector score, plus 68 landmarks as (x,y) pairs in image pixels. */
public record DetectedFace(Box box, float score, float[] landmarks) {
}
