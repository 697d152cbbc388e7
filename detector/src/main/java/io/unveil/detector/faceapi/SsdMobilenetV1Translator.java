package io.unveil.detector.faceapi;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pre- and post-processing of face-api's SSD-MobileNetV1 ({@code SsdMobilenetv1.locateFaces}). In: pad bottom/right
 * to a square, TF legacy bilinear resize to 512, {@code x/127.5 - 1}. Out: per anchor {@code [ymin,xmin,ymax,xmax]}
 * (from the weights), centre/size decode with variances 10 (centre) and 5 (size), score = sigmoid of class 1; face-api's
 * own NMS (score > minConfidence, best first, IoU 0.5, at most maxResults); the box clipped to [0,1] of the padded
 * square and scaled by {@code 512 / reshaped side} to image-relative, then to pixels.
 */
public final class SsdMobilenetV1Translator implements Translator<RgbImage, List<FaceDetection>> {
    public static final int INPUT_SIZE = 512;
    public static final float IOU_THRESHOLD = 0.5f;

    private final float[] anchors;
    private final float minConfidence;
    private final int maxResults;

    public SsdMobilenetV1Translator(float[] anchors, float minConfidence, int maxResults) {
        this.anchors = anchors;
        this.minConfidence = minConfidence;
        this.maxResults = maxResults;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, RgbImage img) {
        ctx.setAttachment("image", img);
        float[] data = FaceApiImage.toTensor(img, INPUT_SIZE, false, new float[]{0, 0, 0}); // v/255
        for (int i = 0; i < data.length; i++) data[i] = data[i] * 2f - 1f;
        return new NDList(ctx.getNDManager().create(data, new Shape(1, 3, INPUT_SIZE, INPUT_SIZE)));
    }

    @Override
    public List<FaceDetection> processOutput(TranslatorContext ctx, NDList list) {
        RgbImage img = (RgbImage) ctx.getAttachment("image");
        return decode(list.get(0).toFloatArray(), list.get(1).toFloatArray(), anchors, img.width(), img.height(),
                minConfidence, maxResults);
    }

    /** Decodes raw box encodings {@code [A,4]} and class logits {@code [A,3]} of one image. */
    static List<FaceDetection> decode(float[] enc, float[] cls, float[] anchors, int imgW, int imgH, float minConfidence,
                                      int maxResults) {
        int n = anchors.length / 4;
        if (enc.length != n * 4 || cls.length != n * 3)
            throw new IllegalArgumentException("expected " + n + " anchors, got " + enc.length / 4 + " encodings");
        float[][] boxes = new float[n][];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            float a0 = anchors[4 * i], a1 = anchors[4 * i + 1], a2 = anchors[4 * i + 2], a3 = anchors[4 * i + 3];
            float h = a2 - a0, w = a3 - a1;
            float cy = a0 + h / 2, cx = a1 + w / 2;
            float halfH = (float) Math.exp(enc[4 * i + 2] / 5f) * h / 2;
            float y = enc[4 * i] / 10f * h + cy;
            float halfW = (float) Math.exp(enc[4 * i + 3] / 5f) * w / 2;
            float x = enc[4 * i + 1] / 10f * w + cx;
            boxes[i] = new float[]{y - halfH, x - halfW, y + halfH, x + halfW};
            scores[i] = (float) (1.0 / (1.0 + Math.exp(-cls[3 * i + 1])));
        }
        List<Integer> keep = nms(boxes, scores, maxResults, IOU_THRESHOLD, minConfidence);
        double scale = (double) INPUT_SIZE / Math.max(imgW, imgH);
        double padX = (double) INPUT_SIZE / Math.round(imgW * scale);
        double padY = (double) INPUT_SIZE / Math.round(imgH * scale);
        List<FaceDetection> out = new ArrayList<>();
        for (int idx : keep) {
            float[] b = boxes[idx];
            double top = Math.max(0, b[0]) * padY, bottom = Math.min(1.0, b[2]) * padY;
            double left = Math.max(0, b[1]) * padX, right = Math.min(1.0, b[3]) * padX;
            out.add(new FaceDetection(new Box((float) (left * imgW), (float) (top * imgH), (float) ((right - left) * imgW),
                    (float) ((bottom - top) * imgH)), scores[idx]));
        }
        return out;
    }

    /** face-api's {@code nonMaxSuppression} for SSD: candidates above the threshold, best first, IoU on corners. */
    static List<Integer> nms(float[][] boxes, float[] scores, int maxOutput, float iouThreshold, float scoreThreshold) {
        int outputSize = Math.min(maxOutput, boxes.length);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) if (scores[i] > scoreThreshold) candidates.add(i);
        candidates.sort(Comparator.comparingDouble((Integer i) -> -scores[i])); // stable, like Array.sort in V8
        List<Integer> selected = new ArrayList<>();
        for (int c : candidates) {
            if (selected.size() >= outputSize) break;
            boolean suppressed = false;
            for (int j = selected.size() - 1; j >= 0; j--) {
                double iou = iou(boxes[c], boxes[selected.get(j)]);
                if (iou == 0.0) continue;
                if (iou > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) selected.add(c);
        }
        return selected;
    }

    static double iou(float[] a, float[] b) {
        double yminI = Math.min(a[0], a[2]), xminI = Math.min(a[1], a[3]), ymaxI = Math.max(a[0], a[2]), xmaxI = Math.max(a[1], a[3]);
        double yminJ = Math.min(b[0], b[2]), xminJ = Math.min(b[1], b[3]), ymaxJ = Math.max(b[0], b[2]), xmaxJ = Math.max(b[1], b[3]);
        double areaI = (ymaxI - yminI) * (xmaxI - xminI);
        double areaJ = (ymaxJ - yminJ) * (xmaxJ - xminJ);
        if (areaI <= 0 || areaJ <= 0) return 0.0;
        double ih = Math.max(Math.min(ymaxI, ymaxJ) - Math.max(yminI, yminJ), 0.0);
        double iw = Math.max(Math.min(xmaxI, xmaxJ) - Math.max(xminI, xminJ), 0.0);
        double inter = ih * iw;
        return inter / (areaI + areaJ - inter);
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
