package io.unveil.research.train.landmarks;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.faceapi.FaceApiImage;
import io.unveil.detector.faceapi.FaceLandmark68Translator;
import io.unveil.research.eval.detection.OccludedPhoto;
import io.unveil.research.occluders.OccluderType;
import java.util.List;
import java.util.Random;

/**
 * Training examples for the landmark net: a photo, plain or with a synthetic occluder drawn on it as {@code unveil
 * eval detection} draws it ({@link OccludedPhoto}), cropped on the face's box the way the pipeline crops
 * ({@link FaceApiAnalyzer#faceApiCrop}) after a random jitter of the box, and the target: the unmasked photo's
 * landmarks in the net's output coordinates (relative to the zero-padded 112 square).
 */
public final class LandmarkExamples {
    /** Share of plain faces, so the error on unmasked faces does not grow; the rest drawn from {@link #MIX}. */
    static final double PLAIN_SHARE = 0.3;
    /**
     * Occluders and their weights: the four of the measurement most (the mask types twice, they move the
     * landmarks most: 0.16-0.17 inter-ocular distances), the other realistic ones and the paper's block less.
     */
    static final List<OccluderType> MIX = List.of(OccluderType.MEDICAL_MASK, OccluderType.MEDICAL_MASK,
            OccluderType.CLOTH_MASK, OccluderType.CLOTH_MASK, OccluderType.SUNGLASSES, OccluderType.HAND,
            OccluderType.HAND, OccluderType.SCARF, OccluderType.GLASSES, OccluderType.HAT_HAIR, OccluderType.PHONE_MIC,
            OccluderType.BLOCK_RANDOM_48);
    /**
     * Box jitter: scale 1 +- 8% per side, shift +- 6% of the box; YuNet's face-api box on the same face differs by about
     * that between a masked and an unmasked photo (sd of the TinyFaceDetector/YuNet box ratio 0.08-0.09).
     */
    static final double SCALE_JITTER = 0.08, SHIFT_JITTER = 0.06;

    /**
     * One example: CHW input of the net (3x112x112), its 136 targets, and the same crop of the photo without the
     * occluder (the input itself for a plain example): what a frozen teacher sees under {@code --target teacher}.
     */
    public record Example(float[] input, float[] target, float[] plainInput) {
        public Example(float[] input, float[] target) {
            this(input, target, input);
        }
    }

    private LandmarkExamples() {
    }

    /** A random example of a random face: occluder or plain, occluder seed and box jitter from {@code rnd}. */
    public static Example random(List<LandmarkFace> faces, Random rnd) {
        LandmarkFace f = faces.get(rnd.nextInt(faces.size()));
        OccluderType type = rnd.nextDouble() < PLAIN_SHARE ? null : MIX.get(rnd.nextInt(MIX.size()));
        RgbImage img = type == null ? f.photo() : OccludedPhoto.draw(f.photo(), f.truth(), type, rnd.nextLong());
        Box b = f.box();
        double sw = 1 + SCALE_JITTER * (2 * rnd.nextDouble() - 1), sh = 1 + SCALE_JITTER * (2 * rnd.nextDouble() - 1);
        double cx = b.x() + b.width() / 2.0 + SHIFT_JITTER * b.width() * (2 * rnd.nextDouble() - 1);
        double cy = b.y() + b.height() / 2.0 + SHIFT_JITTER * b.height() * (2 * rnd.nextDouble() - 1);
        Box j = new Box((float) (cx - b.width() * sw / 2), (float) (cy - b.height() * sh / 2), (float) (b.width() * sw),
                (float) (b.height() * sh));
        Example e = of(img, j, f.truth());
        if (e == null) {
            e = of(img, b, f.truth());
            j = b;
        }
        if (type == null || e == null) return e;
        Example plain = of(f.photo(), j, f.truth());
        return new Example(e.input(), e.target(), plain.input());
    }

    /** The example of a face in {@code img} on box {@code b}; null when the box has no pixel inside the image. */
    public static Example of(RgbImage img, Box b, float[] truth) {
        int[] r = FaceApiAnalyzer.faceApiCrop(b, img.width(), img.height());
        if (r == null) return null;
        RgbImage crop = Images.crop(img, r[0], r[1], r[2], r[3]);
        float[] input = FaceApiImage.toTensor(crop, FaceLandmark68Translator.INPUT_SIZE, true, FaceLandmark68Translator.MEAN_RGB);
        // the pipeline shifts the net's points by the clipped, unfloored box origin (FaceApiAnalyzer.landmarksFor)
        float sx = Math.max(b.x(), 0f), sy = Math.max(b.y(), 0f);
        float[] px = new float[136];
        for (int k = 0; k < 68; k++) {
            px[2 * k] = truth[2 * k] - sx;
            px[2 * k + 1] = truth[2 * k + 1] - sy;
        }
        return new Example(input, FaceLandmark68Translator.toNetOutput(px, r[2], r[3]));
    }
}
