package io.unveil.deploy.demo;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.ingest.VideoFileWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's sample camera: the six photos shipped in the pinned face-api package, each shown for a few seconds
 * with a slow pan and zoom (so faces move and grow like a person walking towards a camera), written as a video.
 */
public final class DemoVideo {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    private DemoVideo() {
    }

    public static List<Path> samples(FaceApiModels models) {
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= 6; i++) out.add(models.file("demo/sample" + i + ".jpg"));
        return out;
    }

    /** Writes the video; returns the number of frames. */
    public static int write(List<Path> photos, Path video, double seconds, double fps) {
        int perPhoto = Math.max(2, (int) Math.round(seconds * fps / photos.size()));
        int frames = 0;
        try (VideoFileWriter out = new VideoFileWriter(video, WIDTH, HEIGHT, fps)) {
            for (Path photo : photos) {
                RgbImage img = Images.read(photo);
                for (int i = 0; i < perPhoto; i++) {
                    out.write(kenBurns(img, i / (double) (perPhoto - 1)));
                    frames++;
                }
            }
        }
        return frames;
    }

    /** The view at time t in [0,1]: a 4:3 window zooming from the whole photo to 75 % of it while panning. */
    static RgbImage kenBurns(RgbImage img, double t) {
        double aspect = WIDTH / (double) HEIGHT;
        double cw0 = Math.min(img.width(), img.height() * aspect), ch0 = cw0 / aspect;
        double zoom = 1.0 - 0.25 * t;
        double cw = cw0 * zoom, ch = ch0 * zoom;
        double cx = cw / 2 + (img.width() - cw) * (0.3 + 0.4 * t);
        double cy = ch / 2 + (img.height() - ch) * 0.5;
        int x = (int) Math.round(cx - cw / 2), y = (int) Math.round(cy - ch / 2);
        int w = Math.max(2, (int) Math.round(cw)), h = Math.max(2, (int) Math.round(ch));
        x = Math.max(0, Math.min(img.width() - w, x));
        y = Math.max(0, Math.min(img.height() - h, y));
        return Images.resize(Images.crop(img, x, y, w, h), WIDTH, HEIGHT);
    }
}
