package io.unveil.research.bench;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.ingest.VideoFileWriter;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * FFmpeg decode cost per frame on a generated video (MPEG-4 in MP4, as ingest's own writer makes them): decode only,
 * and decode + the JPEG encode ingest does before publishing a frame.
 */
public final class DecodeBench {
    private DecodeBench() {
    }

    /** Writes {@code frames} frames panning over {@code still} and returns the video. */
    public static Path write(RgbImage still, Path video, int frames, double fps) {
        try (VideoFileWriter w = new VideoFileWriter(video, still.width(), still.height(), fps)) {
            for (int i = 0; i < frames; i++) w.write(shifted(still, (i * 3) % 40));
        }
        return video;
    }

    static RgbImage shifted(RgbImage img, int dx) {
        byte[] out = new byte[img.data().length];
        int row = img.width() * 3;
        for (int y = 0; y < img.height(); y++)
            System.arraycopy(img.data(), y * row, out, y * row + dx * 3, row - dx * 3);
        return new RgbImage(img.width(), img.height(), out);
    }

    /** {ms/frame decode, CPU ms/frame decode, ms/frame decode+JPEG, CPU ms/frame decode+JPEG}. */
    public static Timer.Timing[] measure(Path video) throws Exception {
        return new Timer.Timing[]{pass(video, false), pass(video, true)};
    }

    private static Timer.Timing pass(Path video, boolean jpeg) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toString());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            int n = 0;
            long cpu0 = Timer.cpuNanos(), t0 = System.nanoTime();
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (jpeg) {
                    Mat m = conv.convert(f);
                    Images.encodeJpeg(Images.fromBgrMat(m), 85);
                }
                n++;
            }
            double wall = (System.nanoTime() - t0) / 1e6 / n, cpu = (Timer.cpuNanos() - cpu0) / 1e6 / n;
            g.stop();
            return new Timer.Timing(wall, cpu);
        }
    }
}
