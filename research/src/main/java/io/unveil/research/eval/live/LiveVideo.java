package io.unveil.research.eval.live;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.ingest.VideoFileWriter;
import io.unveil.research.bench.CameraVideos;
import io.unveil.research.bench.RealFaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The live test's camera video: 640x480, each photo shown for {@code showSeconds} drifting a few pixels (a person
 * standing in front of a camera, not a still), then {@code gapSeconds} of blank grey so the detector's tracker ends the
 * track (its gap is capture time, {@code detector.track-max-gap-ms}) before the next person appears.
 */
public final class LiveVideo {
    public static final int WIDTH = CameraVideos.WIDTH;
    public static final int HEIGHT = CameraVideos.HEIGHT;
    /** The blank frames' grey level (the bench videos' background). */
    public static final int BLANK = 110;
    /** Horizontal drift over one segment, pixels: about a tenth of a face width at the shown size. */
    static final int DRIFT_PX = 16;

    /** Frame timing: {@code fps} of the file, seconds each photo is shown, seconds of blank after each. */
    public record Timing(double fps, double showSeconds, double gapSeconds) {
        public Timing {
            if (fps <= 0 || showSeconds <= 0 || gapSeconds < 0) throw new IllegalArgumentException("need fps > 0, show > 0 and gap >= 0 seconds");
        }

        public int showFrames() {
            return Math.max(1, (int) Math.round(showSeconds * fps));
        }

        public int gapFrames() {
            return (int) Math.ceil(gapSeconds * fps);
        }
    }

    /** Where each photo is shown: frames {@code [start, end)}. */
    public record Range(int start, int end) {
    }

    private LiveVideo() {
    }

    /** The frame ranges {@link #write} produces for {@code photos} photos (segment k starts after k shows and k gaps). */
    public static List<Range> ranges(int photos, Timing t) {
        List<Range> out = new ArrayList<>();
        int per = t.showFrames() + t.gapFrames();
        for (int k = 0; k < photos; k++) out.add(new Range(k * per, k * per + t.showFrames()));
        return out;
    }

    /** Total frames of the video: every photo with its trailing gap (the last track ends too). */
    public static int frames(int photos, Timing t) {
        return photos * (t.showFrames() + t.gapFrames());
    }

    /** Writes the video; returns the frame ranges of the photos, in order. */
    public static List<Range> write(List<RgbImage> photos, Path video, Timing t) {
        List<Range> ranges = ranges(photos.size(), t);
        RgbImage blank = blank();
        try (VideoFileWriter w = new VideoFileWriter(video, WIDTH, HEIGHT, t.fps())) {
            for (RgbImage photo : photos) {
                RgbImage scaled = fit(photo);
                int n = t.showFrames();
                for (int i = 0; i < n; i++) w.write(frame(scaled, n == 1 ? 0.5 : i / (double) (n - 1)));
                for (int i = 0; i < t.gapFrames(); i++) w.write(blank);
            }
        }
        return ranges;
    }

    static RgbImage blank() {
        byte[] px = new byte[WIDTH * HEIGHT * 3];
        Arrays.fill(px, (byte) BLANK);
        return new RgbImage(WIDTH, HEIGHT, px);
    }

    /** The photo scaled to fit 480x360 (as the bench videos show people). */
    static RgbImage fit(RgbImage p) {
        double s = Math.min(360.0 / p.height(), 480.0 / p.width());
        return Images.resize(p, Math.max(1, (int) (p.width() * s)), Math.max(1, (int) (p.height() * s)));
    }

    /** The photo centred, shifted from -DRIFT/2 to +DRIFT/2 px as t goes from 0 to 1. */
    static RgbImage frame(RgbImage scaled, double t) {
        RgbImage f = blank();
        int ox = (WIDTH - scaled.width()) / 2 + (int) Math.round((t - 0.5) * DRIFT_PX), oy = (HEIGHT - scaled.height()) / 2;
        RealFaces.paste(scaled, f.data(), WIDTH, ox, oy);
        return f;
    }
}
