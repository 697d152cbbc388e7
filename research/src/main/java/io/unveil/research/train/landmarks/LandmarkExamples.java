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

    /**
     * A copy of CHW inputs (any number of 3x112x112 images back to back) with every row from {@code share} of the
     * height down set to 0, the mean colour after the net's mean subtraction; {@code share} 0 returns them unchanged.
     */
    public static float[] blankBelow(float[] chw, float share) {
        if (share <= 0) return chw;
        int size = FaceLandmark68Translator.INPUT_SIZE, plane = size * size, from = Math.round(share * size);
        float[] out = chw.clone();
        for (int p = 0; p + plane <= out.length; p += plane) java.util.Arrays.fill(out, p + from * size, p + plane, 0f);
        return out;
    }

    /**
     * Where the eyes, the nose bridge and the nose tip sit in the net's input, as a share of its height from the top:
     * mean over the faces' ground truth on their own (unjittered) box. Says what a {@code --blank-below} share hides.
     */
    public static String pointHeights(List<LandmarkFace> faces) {
        double eyes = 0, p28 = 0, p29 = 0, p30 = 0, p33 = 0, p51 = 0;
        int n = 0;
        for (LandmarkFace f : faces) {
            Example e = of(f.photo(), f.box(), f.truth());
            if (e == null) continue;
            float[] t = e.target(); // relative to the padded square: y of point k at 2k+1
            double ey = 0;
            for (int k = 36; k < 48; k++) ey += t[2 * k + 1];
            eyes += ey / 12;
            p28 += t[2 * 28 + 1];
            p29 += t[2 * 29 + 1];
            p30 += t[2 * 30 + 1];
            p33 += t[2 * 33 + 1];
            p51 += t[2 * 51 + 1];
            n++;
        }
        return String.format(java.util.Locale.ROOT, "input heights (share of 112 from the top, mean of %d faces): eyes %.3f, "
                + "nose bridge 28 %.3f, 29 %.3f, nose tip 30 %.3f, nose base 33 %.3f, upper lip 51 %.3f", n, eyes / n, p28 / n,
                p29 / n, p30 / n, p33 / n, p51 / n);
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
