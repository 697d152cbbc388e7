package io.unveil.research.train.occlusion;

import io.unveil.core.image.RgbImage;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.eval.occlusion.MaskMetrics;
import io.unveil.research.occluders.Occluded;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Measures a mask predictor on validation faces: every face gets every occluder type (fixed seeds), mean IoU per
 * type against the exact synthetic mask; the unoccluded faces give the false-positive area (share of pixels predicted
 * occluded on a clean face).
 */
public final class OcclusionValidation {
    public record Report(Map<String, Double> iouByType, double blockIou, double realisticIou, double falsePositiveArea,
                         int faces) {
        public String summary() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("faces=%d blocks IoU=%.3f realistic IoU=%.3f clean FP area=%.4f%n", faces, blockIou,
                    realisticIou, falsePositiveArea));
            iouByType.forEach((k, v) -> b.append(String.format("  %-16s IoU %.3f%n", k, v)));
            return b.toString();
        }
    }

    private OcclusionValidation() {
    }

    /**
     * @param predict probabilities (N x 128*128) for a batch of faces
     */
    public static Report evaluate(Function<List<RgbImage>, float[][]> predict, List<AlignedFace> faces,
                                  Occluders occluders, long seed, int batch, float pixelThreshold) {
        return evaluateMasks((imgs, landmarks) -> {
            float[][] p = predict.apply(imgs);
            List<byte[]> out = new ArrayList<>(p.length);
            for (float[] q : p) out.add(binarize(q, pixelThreshold));
            return out;
        }, faces, occluders, seed, batch);
    }

    /**
     * The same measurements over final binary masks, such as {@link OcclusionEstimator#estimate} gives them with its
     * post-processing; {@code masks} gets a batch of images and their landmarks (the clean face's: occluders do not
     * move a face).
     */
    public static Report evaluateMasks(BiFunction<List<RgbImage>, List<float[]>, List<byte[]>> masks,
                                       List<AlignedFace> faces, Occluders occluders, long seed, int batch) {
        Map<String, Double> iou = new LinkedHashMap<>();
        double blockSum = 0, realSum = 0;
        int blockN = 0, realN = 0;
        for (OccluderType t : OccluderType.values()) {
            List<RgbImage> imgs = new ArrayList<>();
            List<byte[]> truth = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < faces.size(); i++) {
                AlignedFace s = faces.get(i);
                Occluded o = occluders.draw(s.face(), s.landmarks(), t, seed * 1_000_003L + i);
                imgs.add(o.image());
                truth.add(o.mask());
            }
            for (int from = 0; from < imgs.size(); from += batch) {
                int to = Math.min(imgs.size(), from + batch);
                List<byte[]> p = masks.apply(imgs.subList(from, to), landmarks(faces.subList(from, to)));
                for (int k = 0; k < p.size(); k++) sum += MaskMetrics.iou(p.get(k), truth.get(from + k));
            }
            double mean = sum / faces.size();
            iou.put(t.name(), mean);
            if (t.isBlock()) {
                blockSum += mean;
                blockN++;
            } else {
                realSum += mean;
                realN++;
            }
        }
        double fp = 0;
        List<RgbImage> clean = faces.stream().map(AlignedFace::face).toList();
        for (int from = 0; from < clean.size(); from += batch) {
            int to = Math.min(clean.size(), from + batch);
            for (byte[] q : masks.apply(clean.subList(from, to), landmarks(faces.subList(from, to)))) fp += MaskMetrics.area(q);
        }
        return new Report(iou, blockSum / blockN, realSum / realN, fp / faces.size(), faces.size());
    }

    private static List<float[]> landmarks(List<AlignedFace> faces) {
        return faces.stream().map(AlignedFace::landmarks).toList();
    }

    static byte[] binarize(float[] p, float t) {
        byte[] m = new byte[p.length];
        for (int i = 0; i < p.length; i++) m[i] = (byte) (p[i] >= t ? 1 : 0);
        return m;
    }

    /** Tiles [occluded | truth | predicted probability] for the first faces and a spread of types. */
    public static List<RgbImage> grid(Function<List<RgbImage>, float[][]> predict, List<AlignedFace> faces,
                                      Occluders occluders, long seed, int rows) {
        List<RgbImage> imgs = new ArrayList<>();
        List<byte[]> truth = new ArrayList<>();
        OccluderType[] types = OccluderType.values();
        for (int i = 0; i < Math.min(rows, faces.size()); i++) {
            AlignedFace s = faces.get(i);
            for (int k = 0; k < 4; k++) {
                int ti = (i * 4 + k) % (types.length + 1);
                if (ti == types.length) {
                    imgs.add(s.face());
                    truth.add(new byte[s.face().width() * s.face().height()]);
                } else {
                    Occluded o = occluders.draw(s.face(), s.landmarks(), types[ti], seed + i * 31L + k);
                    imgs.add(o.image());
                    truth.add(o.mask());
                }
            }
        }
        List<RgbImage> tiles = new ArrayList<>();
        for (int from = 0; from < imgs.size(); from += 16) {
            float[][] p = predict.apply(imgs.subList(from, Math.min(imgs.size(), from + 16)));
            for (int k = 0; k < p.length; k++) {
                tiles.add(imgs.get(from + k));
                tiles.add(Grids.grey(truth.get(from + k), 128, 128));
                tiles.add(Grids.grey(p[k], 128, 128));
            }
        }
        return tiles;
    }
}
