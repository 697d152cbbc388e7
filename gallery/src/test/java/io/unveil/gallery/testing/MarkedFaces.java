package io.unveil.gallery.testing;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.ChipAligner;
import io.unveil.detector.align.FaceChips;
import io.unveil.recognize.testing.PatternFaces;
import java.util.ArrayList;
import java.util.List;

/**
 * Test scaffolding for enrollment without the neural detector: synthetic photos with {@link PatternFaces} "faces"
 * pasted in, and a detector double that reads where the faces are from a marker row the generator writes into the
 * first pixels (count, pose flag, boxes / 2). PNG keeps the markers exact. The aligner double crops the box.
 */
public final class MarkedFaces {
    private MarkedFaces() {
    }

    public record Spec(long person, int x, int y, int size, boolean profile, boolean blurry) {
        public static Spec of(long person) {
            return new Spec(person, 60, 60, 150, false, false);
        }
    }

    public static RgbImage image(int w, int h, long noiseSeed, Spec... faces) {
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < d.length; i++) d[i] = (byte) 20;
        RgbImage img = new RgbImage(w, h, d);
        for (Spec s : faces) {
            RgbImage chip = PatternFaces.chip(s.person(), noiseSeed + s.x(), s.blurry() ? 0 : 20);
            if (s.blurry()) chip = blur(chip);
            RgbImage scaled = Images.resize(chip, s.size(), s.size());
            for (int y = 0; y < s.size(); y++)
                System.arraycopy(scaled.data(), y * s.size() * 3, d, ((s.y() + y) * w + s.x()) * 3, s.size() * 3);
        }
        set(d, w, 0, faces.length, faces.length > 0 && faces[0].profile() ? 1 : 0);
        for (int k = 0; k < faces.length; k++) {
            set(d, w, 1 + 2 * k, faces[k].x() / 2, faces[k].y() / 2);
            set(d, w, 2 + 2 * k, faces[k].size() / 2, faces[k].size() / 2);
        }
        return img;
    }

    public static byte[] png(long noiseSeed, Spec... faces) {
        return Images.encodePng(image(320, 320, noiseSeed, faces));
    }

    private static void set(byte[] d, int w, int px, int r, int g) {
        d[px * 3] = (byte) r;
        d[px * 3 + 1] = (byte) g;
        d[px * 3 + 2] = (byte) 0;
    }

    static RgbImage blur(RgbImage img) {
        RgbImage small = Images.resize(img, 12, 12);
        return Images.resize(small, img.width(), img.height());
    }

    /** Detector double reading the marker row. */
    public static final class Analyzer implements FaceAnalyzer {
        public int calls;

        @Override
        public List<DetectedFace> detect(RgbImage img) {
            calls++;
            int n = img.r(0, 0);
            boolean profile = img.g(0, 0) == 1;
            List<DetectedFace> out = new ArrayList<>();
            for (int k = 0; k < n && 2 + 2 * k < img.width(); k++) {
                float x = img.r(1 + 2 * k, 0) * 2f, y = img.g(1 + 2 * k, 0) * 2f;
                float w = img.r(2 + 2 * k, 0) * 2f, h = img.g(2 + 2 * k, 0) * 2f;
                out.add(new DetectedFace(new Box(x, y, w, h), 0.99f, landmarks(x, y, w, h, profile && k == 0)));
            }
            return out;
        }

        @Override
        public String model() {
            return "marked-faces";
        }

        @Override
        public void close() {
        }
    }

    static float[] landmarks(float x, float y, float w, float h, boolean profile) {
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) {
            lm[2 * i] = x + w / 2;
            lm[2 * i + 1] = y + h / 2;
        }
        put(lm, 36, x + 0.3f * w, y + 0.4f * h);
        put(lm, 45, x + 0.7f * w, y + 0.4f * h);
        put(lm, 30, x + (profile ? 0.3f : 0.5f) * w, y + 0.58f * h);
        put(lm, 48, x + 0.38f * w, y + 0.8f * h);
        put(lm, 54, x + 0.62f * w, y + 0.8f * h);
        return lm;
    }

    static void put(float[] lm, int i, float x, float y) {
        lm[2 * i] = x;
        lm[2 * i + 1] = y;
    }

    /** Aligner double: recovers the box from the eye corners the analyzer double placed and crops it to 150x150. */
    public static final ChipAligner CROP = (img, lm) -> {
        float w = (lm[2 * 45] - lm[2 * 36]) / 0.4f;
        int x = Math.round(lm[2 * 36] - 0.3f * w), y = Math.round(lm[2 * 36 + 1] - 0.4f * w), s = Math.round(w);
        x = Math.max(0, Math.min(x, img.width() - 1));
        y = Math.max(0, Math.min(y, img.height() - 1));
        s = Math.min(s, Math.min(img.width() - x, img.height() - y));
        return Images.resize(Images.crop(img, x, y, s, s), 150, 150);
    };

    public static FaceChips chips(Analyzer analyzer) {
        return new FaceChips(analyzer, CROP);
    }
}
