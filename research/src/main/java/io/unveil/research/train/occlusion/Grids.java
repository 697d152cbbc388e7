package io.unveil.research.train.occlusion;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiles images into one PNG (visual results: occluder samples, predictions). */
public final class Grids {
    private Grids() {
    }

    public static RgbImage tile(List<RgbImage> tiles, int cols, int gap) {
        if (tiles.isEmpty()) throw new IllegalArgumentException("no tiles");
        int tw = tiles.get(0).width(), th = tiles.get(0).height();
        int rows = (tiles.size() + cols - 1) / cols;
        int w = cols * tw + (cols + 1) * gap, h = rows * th + (rows + 1) * gap;
        byte[] out = new byte[w * h * 3];
        java.util.Arrays.fill(out, (byte) 40);
        for (int i = 0; i < tiles.size(); i++) {
            RgbImage t = tiles.get(i);
            if (t.width() != tw || t.height() != th) t = Images.resize(t, tw, th);
            int ox = gap + (i % cols) * (tw + gap), oy = gap + (i / cols) * (th + gap);
            for (int y = 0; y < th; y++) System.arraycopy(t.data(), y * tw * 3, out, ((oy + y) * w + ox) * 3, tw * 3);
        }
        return new RgbImage(w, h, out);
    }

    public static void write(Path file, List<RgbImage> tiles, int cols) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.write(file, Images.encodePng(tile(tiles, cols, 2)));
    }

    /** A binary or probability mask (0..1 per pixel) as a grey image. */
    public static RgbImage grey(float[] values, int w, int h) {
        byte[] d = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            byte v = (byte) Math.round(Math.max(0, Math.min(1, values[i])) * 255);
            d[3 * i] = d[3 * i + 1] = d[3 * i + 2] = v;
        }
        return new RgbImage(w, h, d);
    }

    public static RgbImage grey(byte[] mask, int w, int h) {
        float[] f = new float[mask.length];
        for (int i = 0; i < f.length; i++) f[i] = mask[i] != 0 ? 1 : 0;
        return grey(f, w, h);
    }

    /** The image with the mask tinted red on top. */
    public static RgbImage overlay(RgbImage img, byte[] mask) {
        byte[] d = img.data().clone();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0) continue;
            d[3 * i] = (byte) Math.min(255, (d[3 * i] & 0xff) / 2 + 128);
            d[3 * i + 1] = (byte) ((d[3 * i + 1] & 0xff) / 2);
            d[3 * i + 2] = (byte) ((d[3 * i + 2] & 0xff) / 2);
        }
        return new RgbImage(img.width(), img.height(), d);
    }
}
