package io.unveil.detector.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre- and post-processing of face-api's TinyFaceDetector. In: pad bottom/right to a square, resize to the input size,
 * subtract mean RGB (117.001, 114.697, 97.404), /255. Out: for every cell and anchor, score = sigmoid(t_o); above
 * the threshold, centre = ((col, row) + sigmoid(t_x, t_y)) / cells, size = exp(t_w, t_h) * anchor / cells, both
 * corrected by (max side / reshaped side) to undo the padding; greedy NMS at IoU 0.4; boxes in image pixels.
 */
public final class TinyFaceDetectorTranslator implements Translator<RgbImage, List<FaceDetection>> {
    static final float[] MEAN_RGB = {117.001f, 114.697f, 97.404f};
    static final float[][] ANCHORS = {
            {1.603231f, 2.094468f}, {6.041143f, 7.080126f}, {2.882459f, 3.518061f},
            {4.266906f, 5.178857f}, {9.041765f, 10.66308f}};
    public static final float IOU_THRESHOLD = 0.4f;

    private final int inputSize;
    private final float scoreThreshold;

    public TinyFaceDetectorTranslator(int inputSize, float scoreThreshold) {
        if (inputSize < 32 || inputSize % 32 != 0)
            throw new IllegalArgumentException("TinyFaceDetector input size must be a positive multiple of 32, got " + inputSize);
        this.inputSize = inputSize;
        this.scoreThreshold = scoreThreshold;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, RgbImage img) {
        ctx.setAttachment("image", img);
        float[] data = FaceApiImage.toTensor(img, inputSize, false, MEAN_RGB);
        return new NDList(ctx.getNDManager().create(data, new Shape(1, 3, inputSize, inputSize)));
    }

    @Override
    public List<FaceDetection> processOutput(TranslatorContext ctx, NDList list) {
        RgbImage img = (RgbImage) ctx.getAttachment("image");
        NDArray out = list.singletonOrThrow();
        return decode(out.toFloatArray(), (int) out.getShape().get(2), img.width(), img.height(), inputSize, scoreThreshold);
    }

    /** Decodes a raw [25, cells, cells] output (NCHW, batch 1) for an image of the given size. */
    static List<FaceDetection> decode(float[] raw, int cells, int imgW, int imgH, int inputSize, float scoreThreshold) {
        // face-api: reshaped dims = round(w*scale), round(h*scale) with scale = inputSize / max(w, h)
        double scale = (double) inputSize / Math.max(imgW, imgH);
        long rw = Math.round(imgW * scale), rh = Math.round(imgH * scale);
        double side = Math.max(rw, rh);
        double corrX = side / rw, corrY = side / rh;
        int plane = cells * cells;
        List<Box> rel = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                for (int a = 0; a < ANCHORS.length; a++) {
                    int base = a * 5 * plane + row * cells + col;
                    double score = sigmoid(raw[base + 4 * plane]);
                    if (score > scoreThreshold) {
                        double cx = ((col + sigmoid(raw[base])) / cells) * corrX;
                        double cy = ((row + sigmoid(raw[base + plane])) / cells) * corrY;
                        double w = ((Math.exp(raw[base + 2 * plane]) * ANCHORS[a][0]) / cells) * corrX;
                        double h = ((Math.exp(raw[base + 3 * plane]) * ANCHORS[a][1]) / cells) * corrY;
                        rel.add(new Box((float) (cx - w / 2), (float) (cy - h / 2), (float) w, (float) h));
                        scores.add((float) score);
                    }
                }
            }
        }
        List<FaceDetection> result = new ArrayList<>();
        for (int idx : Nms.select(rel, scores, IOU_THRESHOLD)) {
            Box r = rel.get(idx);
            result.add(new FaceDetection(new Box(r.x() * imgW, r.y() * imgH, r.width() * imgW, r.height() * imgH), scores.get(idx)));
        }
        return result;
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
