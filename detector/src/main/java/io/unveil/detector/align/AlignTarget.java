package io.unveil.detector.align;

/**
 * Output geometries of {@link FaceAligner}. Both are the same dlib face chip ({@code get_face_chip_details(shape,
 * 150, 0.25)}); FACE_128 is that chip resampled to 128x128 with pixel centres aligned, so resizing a FACE_128 image
 * (e.g. a repaired one) to 150x150 gives a valid recognizer chip.
 */
public enum AlignTarget {
    /** dlib-style 150x150 recognizer chip (FaceRecognitionNet's native input). */
    CHIP_150(150),
    /** The canonical 128x128 face used by occlusion estimation and inpainting. */
    FACE_128(128);

    private final int size;

    AlignTarget(int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }
}
