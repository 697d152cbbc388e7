package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure metric of a repaired face (issue 24): face-api's 68 landmarks on the repaired face against the same
 * landmarks on the clean original, over the jaw (0-16), nose (27-35) and mouth (48-67) points that lie inside the hole
 * on the original, mean point distance divided by the original's inter-ocular distance (eye centres = means of points
 * 36-41 and 42-47). A fill without a nose, mouth or chin moves those points; one that draws them where the person has
 * them does not. A face whose hole holds none of these points has no value (NaN): a block over an eye alone is not
 * scored. Both landmark sets come from the same net on the same 128x128 aligned geometry, so the net's own bias cancels.
 */
public final class FaceStructure implements AutoCloseable {
    private static final int BATCH = 32;
    private final FaceLandmark68Net net;
    private final Map<RgbImage, float[]> truthLandmarks = new IdentityHashMap<>();

    public FaceStructure(FaceLandmark68Net net) {
        this.net = net;
    }

    public static FaceStructure load() {
        return new FaceStructure(FaceLandmark68Net.load());
    }

    /** Per face: the landmark error inside the hole in inter-ocular distances, or NaN when no scored point is in it. */
    public synchronized double[] errors(List<RgbImage> truths, List<RgbImage> repaired, List<boolean[]> holes) {
        List<RgbImage> missing = new ArrayList<>();
        for (RgbImage t : truths) if (!truthLandmarks.containsKey(t) && !missing.contains(t)) missing.add(t);
        List<float[]> found = landmarks(missing);
        for (int i = 0; i < missing.size(); i++) truthLandmarks.put(missing.get(i), found.get(i));
        List<float[]> rep = landmarks(repaired);
        double[] out = new double[truths.size()];
        for (int i = 0; i < out.length; i++)
            out[i] = error(truthLandmarks.get(truths.get(i)), rep.get(i), holes.get(i), truths.get(i).width(), truths.get(i).height());
        return out;
    }

    private List<float[]> landmarks(List<RgbImage> faces) {
        List<float[]> out = new ArrayList<>(faces.size());
        for (int s = 0; s < faces.size(); s += BATCH) out.addAll(net.landmarks(faces.subList(s, Math.min(faces.size(), s + BATCH))));
        return out;
    }

    /** The metric for one face from its two landmark sets (68 x,y each) and its hole (row-major, w x h). */
    public static double error(float[] truth, float[] repaired, boolean[] hole, int w, int h) {
        double iod = Math.hypot(mean(truth, 42, 48, 0) - mean(truth, 36, 42, 0), mean(truth, 42, 48, 1) - mean(truth, 36, 42, 1));
        if (!(iod > 0)) return Double.NaN;
        double sum = 0;
        int n = 0;
        for (int k = 0; k < 68; k++) {
            boolean scored = k <= 16 || (k >= 27 && k <= 35) || k >= 48;
            if (!scored) continue;
            int x = Math.round(truth[2 * k]), y = Math.round(truth[2 * k + 1]);
            if (x < 0 || y < 0 || x >= w || y >= h || !hole[y * w + x]) continue;
            sum += Math.hypot(repaired[2 * k] - truth[2 * k], repaired[2 * k + 1] - truth[2 * k + 1]);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n / iod;
    }

    private static double mean(float[] pts, int from, int to, int axis) {
        double s = 0;
        for (int k = from; k < to; k++) s += pts[2 * k + axis];
        return s / (to - from);
    }

    @Override
    public void close() {
        net.close();
    }
}
