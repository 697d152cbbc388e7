package io.unveil.ingest;

import io.unveil.core.image.RgbImage;
import java.nio.file.Path;

/** Generates small test videos: a bright square moving over a gradient. */
final class TestVideos {
    private TestVideos() {
    }

    static Path movingSquare(Path file, int frames, int w, int h, double fps) {
        try (VideoFileWriter out = new VideoFileWriter(file, w, h, fps)) {
            for (int i = 0; i < frames; i++) out.write(frame(i, w, h));
        }
        return file;
    }

    static RgbImage frame(int i, int w, int h) {
        byte[] d = new byte[w * h * 3];
        int sx = (i * 4) % (w - 40), sy = h / 3;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                boolean sq = x >= sx && x < sx + 40 && y >= sy && y < sy + 40;
                d[o] = (byte) (sq ? 250 : x * 255 / w);
                d[o + 1] = (byte) (sq ? 250 : y * 255 / h);
                d[o + 2] = (byte) (sq ? 250 : 60);
            }
        }
        return new RgbImage(w, h, d);
    }
}
