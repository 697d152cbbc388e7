package io.unveil.ingest;

import io.unveil.core.image.Images;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Test helper run in a SEPARATE process (an RTSP listener and its publisher deadlock in one JVM): publishes the
 * moving-square video in real time to an RTSP URL over TCP, retrying until the listener accepts.
 * Args: url seconds.
 */
public final class RtspPublisher {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[1]);
        int w = 320, h = 240, fps = 15;
        FFmpegLogs.quiet();
        long deadline = System.currentTimeMillis() + 30_000;
        FFmpegFrameRecorder rec = null;
        while (rec == null) {
            FFmpegFrameRecorder r = new FFmpegFrameRecorder(url, w, h, 0);
            r.setFormat("rtsp");
            r.setOption("rtsp_transport", "tcp");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(fps);
            r.setGopSize(fps);
            r.setVideoQuality(3);
            try {
                r.start();
                rec = r;
            } catch (Exception e) {
                r.release();
                if (System.currentTimeMillis() > deadline) throw e;
                Thread.sleep(200);
            }
        }
        System.out.println("publishing");
        System.out.flush();
        try (OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            long t0 = System.nanoTime();
            for (int i = 0; i < seconds * fps; i++) {
                try (Mat m = Images.toBgrMat(TestVideos.frame(i, w, h))) {
                    rec.record(conv.convert(m));
                }
                long due = t0 + (i + 1) * 1_000_000_000L / fps;
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        rec.stop();
        rec.release();
    }
}
