package io.unveil.ingest;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegLogCallback;

/** FFmpeg prints to stderr by itself; Unveil keeps it to errors (or more with {@code -Dunveil.ffmpeg.log=info}). */
final class FFmpegLogs {
    private static volatile boolean done;

    private FFmpegLogs() {
    }

    static void quiet() {
        if (done) return;
        synchronized (FFmpegLogs.class) {
            if (done) return;
            int level = "info".equalsIgnoreCase(System.getProperty("unveil.ffmpeg.log")) ? avutil.AV_LOG_INFO : avutil.AV_LOG_FATAL;
            avutil.av_log_set_level(level);
            FFmpegLogCallback.setLevel(level);
            done = true;
        }
    }
}
