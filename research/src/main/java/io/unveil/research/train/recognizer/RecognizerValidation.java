package io.unveil.research.train.recognizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.unveil.core.image.RgbImage;
import io.unveil.recognize.faceapi.FaceApiPreprocessor;
import io.unveil.recognize.faceapi.FaceRecognitionNet;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The trainer's periodic numbers, on VALIDATION (choose half) faces: leave-one-out identification against clean
 * centroids, as the product matches (the gallery holds clean enrollment photos embedded by the same network). For
 * each probe condition (clean, medical mask, cloth mask, sunglasses, hand; the occluder seeded per face, so every
 * evaluation sees the same faces) it reports rank-1 accuracy, the share named correctly (rank-1 right and within
 * {@link #THRESHOLD}) and the share named wrongly (rank-1 wrong and within the threshold). With {@link RealignedFaces}
 * probes it also reports them per occluder as {@code <occluder>_live}: occluded in the photo and re-aligned as the
 * detect stage does, the condition live faces are in. These choose the checkpoint;
 * the reported numbers come from {@code unveil eval} and {@code unveil eval live} on the confirm half.
 */
final class RecognizerValidation {
    /** face-api's documented distance threshold, a fixed yardstick across checkpoints (the product calibrates its own). */
    static final float THRESHOLD = 0.6f;
    static final OccluderType[] TYPES = {OccluderType.MEDICAL_MASK, OccluderType.CLOTH_MASK, OccluderType.SUNGLASSES, OccluderType.HAND};

    record Condition(String name, double rank1, double named, double wrong) {
    }

    record Report(List<Condition> conditions) {
        static final String CSV_HEADER = "step,condition,rank1,named,wrong";

        String summary() {
            StringBuilder s = new StringBuilder("named/wrong@" + THRESHOLD + ":");
            for (Condition c : conditions) s.append(String.format(" %s %.1f%%/%.1f%%", c.name, 100 * c.named, 100 * c.wrong));
            return s.toString();
        }

        /** One CSV row per condition (after the step column). */
        List<String> csv() {
            return conditions.stream().map(c -> String.format("%s,%.4f,%.4f,%.4f", c.name, c.rank1, c.named, c.wrong)).toList();
        }
    }

    private final List<AlignedFace> faces;
    private final Occluders occluders;
    private final List<RealignedFaces.Probe> live;

    RecognizerValidation(List<AlignedFace> faces, Occluders occluders) {
        this(faces, occluders, List.of());
    }

    /** {@code live}: re-aligned occluded faces whose {@code clean()} indexes {@code faces}. */
    RecognizerValidation(List<AlignedFace> faces, Occluders occluders, List<RealignedFaces.Probe> live) {
        this.faces = faces;
        this.occluders = occluders;
        this.live = live;
    }

    /** Up to {@code max} faces of identities with at least two, drawn by identity with a fixed seed. */
    static List<AlignedFace> sample(List<AlignedFace> all, int max, long seed) {
        Map<String, List<AlignedFace>> by = new LinkedHashMap<>();
        for (AlignedFace f : all) by.computeIfAbsent(f.identity(), k -> new ArrayList<>()).add(f);
        List<String> ids = new ArrayList<>(by.keySet());
        Collections.shuffle(ids, new Random(seed));
        List<AlignedFace> out = new ArrayList<>();
        for (String id : ids) {
            List<AlignedFace> fs = by.get(id);
            if (fs.size() < 2) continue;
            for (AlignedFace f : fs.subList(0, Math.min(8, fs.size()))) if (out.size() < max) out.add(f);
        }
        return out;
    }

    Report evaluate(FaceRecognitionNet net, NDManager root) {
        List<RgbImage> clean = faces.stream().map(AlignedFace::face).toList();
        float[][] gallery = embed(net, root, clean);
        List<Condition> out = new ArrayList<>();
        int[] self = new int[faces.size()];
        for (int i = 0; i < self.length; i++) self[i] = i;
        out.add(score("clean", gallery, self, gallery));
        for (OccluderType t : TYPES) {
            List<RgbImage> probes = new ArrayList<>();
            for (int i = 0; i < faces.size(); i++)
                probes.add(occluders.draw(faces.get(i).face(), faces.get(i).landmarks(), t, 1_000_003L * i + 17).image());
            out.add(score(t.name().toLowerCase(), embed(net, root, probes), self, gallery));
        }
        for (OccluderType t : TYPES) {
            List<RealignedFaces.Probe> of = live.stream().filter(p -> p.type() == t).toList();
            if (of.isEmpty()) continue;
            int[] own = of.stream().mapToInt(RealignedFaces.Probe::clean).toArray();
            out.add(score(t.name().toLowerCase() + "_live", embed(net, root, of.stream().map(RealignedFaces.Probe::face).toList()),
                    own, gallery));
        }
        return new Report(out);
    }

    /** {@code probeFace[k]}: the index in {@link #faces} of probe k's face (its identity; left out of its centroid). */
    private Condition score(String name, float[][] probes, int[] probeFace, float[][] gallery) {
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (int i = 0; i < faces.size(); i++) by.computeIfAbsent(faces.get(i).identity(), k -> new ArrayList<>()).add(i);
        int rank1 = 0, named = 0, wrong = 0;
        for (int k = 0; k < probes.length; k++) {
            int i = probeFace[k];
            String own = faces.get(i).identity();
            String best = null;
            double bestD = Double.MAX_VALUE;
            for (Map.Entry<String, List<Integer>> e : by.entrySet()) {
                float[] c = centroid(gallery, e.getValue(), e.getKey().equals(own) ? i : -1);
                if (c == null) continue;
                double d = distance(probes[k], c);
                if (d < bestD) {
                    bestD = d;
                    best = e.getKey();
                }
            }
            boolean right = own.equals(best);
            if (right) rank1++;
            if (bestD <= THRESHOLD) {
                if (right) named++;
                else wrong++;
            }
        }
        int n = probes.length;
        return new Condition(name, rank1 / (double) n, named / (double) n, wrong / (double) n);
    }

    private static float[] centroid(float[][] d, List<Integer> idx, int leaveOut) {
        float[] c = new float[d[0].length];
        int k = 0;
        for (int i : idx) {
            if (i == leaveOut) continue;
            for (int j = 0; j < c.length; j++) c[j] += d[i][j];
            k++;
        }
        if (k == 0) return null;
        for (int j = 0; j < c.length; j++) c[j] /= k;
        return c;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return Math.sqrt(s);
    }

    static float[][] embed(FaceRecognitionNet net, NDManager root, List<RgbImage> faces) {
        int per = 3 * FaceApiPreprocessor.PLANE, size = FaceRecognitionNet.INPUT_SIZE, chunk = 32;
        float[][] out = new float[faces.size()][];
        for (int s = 0; s < faces.size(); s += chunk) {
            int b = Math.min(chunk, faces.size() - s);
            float[] buf = new float[b * per];
            for (int i = 0; i < b; i++) FaceApiPreprocessor.toInput(faces.get(s + i), buf, i * per);
            try (NDManager m = root.newSubManager()) {
                NDArray x = m.create(buf, new Shape(b, 3, size, size));
                float[] flat = net.forward(new ParameterStore(m, false), new NDList(x), false).get(0).toFloatArray();
                int dim = FaceRecognitionNet.DESCRIPTOR_SIZE;
                for (int i = 0; i < b; i++) out[s + i] = java.util.Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
            }
        }
        return out;
    }
}
