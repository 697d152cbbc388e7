package io.unveil.ingest;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes RGB frames to a video file with FFmpeg: MPEG-4 Part 2 in .mp4 (with the index up front, so the file can be
 * streamed over HTTP) or .mkv, Motion JPEG in .avi. (The bundled LGPL FFmpeg has no libx264.) Used for the demo's
 * sample camera and by tests.
 */
public final class VideoFileWriter implements AutoCloseable {
    private final FFmpegFrameRecorder recorder;
    private final OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
    private final int width;
    private final int height;

    static {
        FFmpegLogs.quiet();
    }

    public VideoFileWriter(Path file, int width, int height, double fps) {
        if (width % 2 != 0 || height % 2 != 0) throw new IllegalArgumentException("video size must be even: " + width + "x" + height);
        this.width = width;
        this.height = height;
        String name = file.getFileName().toString().toLowerCase();
        recorder = new FFmpegFrameRecorder(file.toString(), width, height, 0);
        recorder.setFrameRate(fps);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        if (name.endsWith(".avi")) {
            recorder.setFormat("avi");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            recorder.setVideoQuality(3);
        } else {
            recorder.setFormat(name.endsWith(".mkv") ? "matroska" : "mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(3); // qscale: small numbers = high quality
            recorder.setGopSize((int) Math.max(1, Math.round(fps)));
            if (name.endsWith(".mp4")) recorder.setOption("movflags", "faststart");
        }
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot start video encoder for " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(RgbImage img) {
        if (img.width() != width || img.height() != height)
            throw new IllegalArgumentException("frame is " + img.width() + "x" + img.height() + ", video is " + width + "x" + height);
        try (Mat bgr = Images.toBgrMat(img)) {
            recorder.record(conv.convert(bgr));
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot encode frame: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            recorder.stop();
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot finish video: " + e.getMessage(), e);
        } finally {
            conv.close();
        }
    }
}
