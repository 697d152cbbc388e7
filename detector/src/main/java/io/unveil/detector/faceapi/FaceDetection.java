package io.unveil.detector.faceapi;

import io.unveil.core.record.Box;

/** A detector hit: box in pixels of the image given to the detector, and its score in [0,1]. */
public record FaceDetection(Box box, float score) {
}
