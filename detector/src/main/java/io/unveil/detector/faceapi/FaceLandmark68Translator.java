package io.unveil.detector.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.unveil.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre- and post-processing of face-api's FaceLandmark68Net for a batch of face crops (one forward pass). In: each crop
 * zero-padded to a centred square, resized to 112, minus mean RGB (122.782, 117.001, 104.298), /255. Out: for each
 * crop 136 floats = 68 (x,y) in crop pixels, un-padded as face-api's {@code postProcess} does.
 */
public final class FaceLandmark68Translator implements Translator<List<RgbImage>, List<float[]>> {
    public static final int INPUT_SIZE = 112;
    public static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    @Override
    public NDList processInput(TranslatorContext ctx, List<RgbImage> crops) {
        ctx.setAttachment("crops", crops);
        int n = crops.size();
        int per = 3 * INPUT_SIZE * INPUT_SIZE;
        float[] data = new float[n * per];
        for (int i = 0; i < n; i++) FaceApiImage.write(crops.get(i), INPUT_SIZE, true, MEAN_RGB, data, i * per);
        return new NDList(ctx.getNDManager().create(data, new Shape(n, 3, INPUT_SIZE, INPUT_SIZE)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<float[]> processOutput(TranslatorContext ctx, NDList list) {
        List<RgbImage> crops = (List<RgbImage>) ctx.getAttachment("crops");
        NDArray out = list.singletonOrThrow();
        float[] raw = out.toFloatArray();
        List<float[]> result = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            RgbImage c = crops.get(i);
            float[] pts = new float[136];
            System.arraycopy(raw, i * 136, pts, 0, 136);
            result.add(toCropPixels(pts, c.width(), c.height()));
        }
        return result;
    }

    /** face-api's un-padding: relative coordinates of the padded 112 square -> pixels of a w x h crop. */
    public static float[] toCropPixels(float[] out, int w, int h) {
        double[] p = padding(w, h);
        double sw = p[0], sh = p[1], padX = p[2], padY = p[3];
        float[] px = new float[136];
        for (int k = 0; k < 68; k++) {
            double rx = (out[2 * k] * INPUT_SIZE - padX) / sw;
            double ry = (out[2 * k + 1] * INPUT_SIZE - padY) / sh;
            px[2 * k] = (float) (rx * w);
            px[2 * k + 1] = (float) (ry * h);
        }
        return px;
    }

    /** The inverse of {@link #toCropPixels}: pixels of a w x h crop -> the net's output (relative to the padded square). */
    public static float[] toNetOutput(float[] px, int w, int h) {
        double[] p = padding(w, h);
        double sw = p[0], sh = p[1], padX = p[2], padY = p[3];
        float[] out = new float[136];
        for (int k = 0; k < 68; k++) {
            out[2 * k] = (float) ((px[2 * k] / w * sw + padX) / INPUT_SIZE);
            out[2 * k + 1] = (float) ((px[2 * k + 1] / h * sh + padY) / INPUT_SIZE);
        }
        return out;
    }

    /** {scaled width, scaled height, x padding, y padding} of a w x h crop in the net's 112 square. */
    private static double[] padding(int w, int h) {
        double scale = (double) INPUT_SIZE / Math.max(w, h);
        double sw = w * scale, sh = h * scale;
        return new double[]{sw, sh, sw < sh ? Math.abs(sw - sh) / 2 : 0, sh < sw ? Math.abs(sw - sh) / 2 : 0};
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
