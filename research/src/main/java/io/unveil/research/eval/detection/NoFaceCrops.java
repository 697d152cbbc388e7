package io.unveil.research.eval.detection;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * False detections on images without faces: from each photo, the largest strip (left, right, above or below) that
 * stays clear of the face's surroundings (the landmarks' box widened by 60% of its width at each side, 100% of its
 * height above for hair, 80% below for the neck), kept when both sides are at least {@value #MIN_SIDE} px.
 * CelebA photos show one person, so the strips are background, hair, shoulders and clothes.
 */
final class NoFaceCrops {
    static final int MIN_SIDE = 48;

    private NoFaceCrops() {
    }

    static Map<String, Object> measure(List<DetectionEvaluation.Truth> truths, Map<String, Function<RgbImage, List<Box>>> detectors,
                                       PrintStream console) {
        Map<String, Integer> fp = new LinkedHashMap<>(), fpImages = new LinkedHashMap<>();
        int n = 0;
        for (DetectionEvaluation.Truth t : truths) {
            RgbImage crop = strip(t.photo(), t.landmarks());
            if (crop == null) continue;
            n++;
            for (Map.Entry<String, Function<RgbImage, List<Box>>> d : detectors.entrySet()) {
                int k = d.getValue().apply(crop).size();
                fp.merge(d.getKey(), k, Integer::sum);
                fpImages.merge(d.getKey(), k > 0 ? 1 : 0, Integer::sum);
            }
        }
        console.printf("no-face crops: %d%n", n);
        for (String d : fp.keySet())
            console.printf("  %-11s %.3f false detections per image, %d of %d images with one%n", d, fp.get(d) / (double) Math.max(1, n),
                    fpImages.get(d), n);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("images", n);
        r.put("falseDetections", fp);
        r.put("imagesWithFalseDetection", fpImages);
        return r;
    }

    static RgbImage strip(RgbImage photo, float[] lm) {
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < 68; i++) {
            minX = Math.min(minX, lm[2 * i]);
            maxX = Math.max(maxX, lm[2 * i]);
            minY = Math.min(minY, lm[2 * i + 1]);
            maxY = Math.max(maxY, lm[2 * i + 1]);
        }
        float w = maxX - minX, h = maxY - minY;
        int left = (int) Math.floor(minX - 0.6f * w), right = (int) Math.ceil(maxX + 0.6f * w);
        int top = (int) Math.floor(minY - 1.0f * h), bottom = (int) Math.ceil(maxY + 0.8f * h);
        int W = photo.width(), H = photo.height();
        int[][] rects = {
                {0, 0, Math.max(0, left), H},
                {Math.min(W, right), 0, W - Math.min(W, right), H},
                {0, 0, W, Math.max(0, top)},
                {0, Math.min(H, bottom), W, H - Math.min(H, bottom)}};
        int[] best = null;
        for (int[] r : rects) {
            if (r[2] < MIN_SIDE || r[3] < MIN_SIDE) continue;
            if (best == null || r[2] * r[3] > best[2] * best[3]) best = r;
        }
        return best == null ? null : Images.crop(photo, best[0], best[1], best[2], best[3]);
    }
}
