package io.unveil.research.train.recognizer;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.recognize.faceapi.FaceApiPreprocessor;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.occluders.OccluderMix;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The student's batches, reproducible from a seed: random TRAIN faces, each mirrored with probability 1/2, clean with
 * probability {@code cleanShare}, else with an occluder of the mix drawn on it (before mirroring, so the occluder uses
 * the face's own landmarks). The target is the teacher's descriptor of the same face clean, mirrored alike.
 */
final class StudentBatches {
    /** One batch: face-api inputs (N,3,150,150) flattened, and per sample its face index, mirroring, cleanliness. */
    record Batch(float[] inputs, int[] face, boolean[] flipped, boolean[] clean) {
        int size() {
            return face.length;
        }
    }

    private final List<AlignedFace> faces;
    private final Occluders occluders;
    private final OccluderMix mix;
    private final List<RealignedFaces.Probe> realigned;
    private final int realignedOffset;
    private final float realignedShare;

    StudentBatches(List<AlignedFace> faces, Occluders occluders, Map<OccluderType, Double> weights, float cleanShare) {
        this(faces, occluders, weights, cleanShare, List.of(), 0, 0f);
    }

    StudentBatches(List<AlignedFace> faces, Occluders occluders, Map<OccluderType, Double> weights, float cleanShare,
                   List<RealignedFaces.Probe> realigned, int realignedOffset, float realignedShare) {
        this.faces = faces;
        this.occluders = occluders;
        double occludedWeight = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        this.mix = new OccluderMix(weights, occludedWeight * cleanShare / (1 - cleanShare));
        for (RealignedFaces.Probe p : realigned)
            if (realignedOffset + p.clean() >= faces.size())
                throw new IllegalArgumentException("re-aligned face refers to clean face " + (realignedOffset + p.clean())
                        + " of " + faces.size());
        this.realigned = realigned;
        this.realignedOffset = realignedOffset;
        this.realignedShare = realigned.isEmpty() ? 0f : realignedShare;
    }

    Batch make(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int per = 3 * FaceApiPreprocessor.PLANE;
        float[] inputs = new float[n * per];
        int[] face = new int[n];
        boolean[] flipped = new boolean[n], clean = new boolean[n];
        for (int i = 0; i < n; i++) {
            face[i] = rng.nextInt(faces.size());
            flipped[i] = rng.nextBoolean();
            AlignedFace f = faces.get(face[i]);
            Optional<OccluderType> type = mix.sample(rng);
            clean[i] = type.isEmpty();
            RgbImage img;
            if (!clean[i] && realignedShare > 0 && rng.nextDouble() < realignedShare) {
                RealignedFaces.Probe p = realigned.get(rng.nextInt(realigned.size()));
                face[i] = realignedOffset + p.clean();
                img = p.face();
            } else {
                img = type.map(t -> occluders.draw(f.face(), f.landmarks(), t, rng.nextLong()).image()).orElse(f.face());
            }
            if (flipped[i]) img = Images.mirror(img);
            FaceApiPreprocessor.toInput(img, inputs, i * per);
        }
        return new Batch(inputs, face, flipped, clean);
    }
}
