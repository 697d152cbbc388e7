package io.unveil.detector;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.faceapi.FaceDetection;
import java.util.List;

/**
 * The first half of a {@link FaceApiAnalyzer}: finds face boxes and their scores, to which the analyzer adds the 68
 * landmarks. face-api's TinyFaceDetector and SSD-MobileNetV1 are two ({@code detector.model=tiny|ssd}). Not
 * necessarily thread-safe: the analyzer serializes its calls.
 */
public interface FaceBoxDetector extends AutoCloseable {
    /** Faces in the image, best score first, boxes in image pixels. */
    List<FaceDetection> detect(RgbImage image);

    /** The network's name as it goes into the analyzer's model id, e.g. {@code tiny_face_detector}. */
    String name();

    @Override
    void close();
}
