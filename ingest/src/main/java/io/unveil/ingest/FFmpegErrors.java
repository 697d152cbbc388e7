package io.unveil.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * JavaCV's grabber errors in the words FFmpeg has for them. JavaCV says {@code avformat_open_input() error -111: Could
 * not open input "URL". (Has setFormat() been called?) (For more details, make sure FFmpegLogCallback.set() has been
 * called.)}: a camera warning repeated that on every reconnect, naming JavaCV calls a user cannot make. The code is
 * FFmpeg's error number (a negative errno or an FFmpeg tag), which {@code av_strerror} turns into "Connection refused",
 * "Invalid data found when processing input", "Server returned 404 Not Found".
 */
final class FFmpegErrors {
    /** JavaCV's "&lt;call&gt;() error &lt;code&gt;: " prefix and its two hints. */
    private static final Pattern CODE = Pattern.compile("\\w+\\(\\) error (-?\\d+)");
    private static final Pattern HINTS = Pattern.compile("\\s*\\((Has setFormat\\(\\) been called\\?|For more details, make sure "
            + "FFmpegLogCallback\\.set\\(\\) has been called\\.)\\)");

    private FFmpegErrors() {
    }

    /** An IOException saying what {@code doing} (e.g. "cannot open rtsp://cam/1") ran into, in FFmpeg's words. */
    static IOException plain(String doing, Exception e) {
        return new IOException(doing + ": " + reason(e.getMessage()), e);
    }

    /** FFmpeg's text for the code in a JavaCV message, or the message without JavaCV's hints when it has no code. */
    static String reason(String javacvMessage) {
        if (javacvMessage == null) return "unknown FFmpeg error";
        Matcher m = CODE.matcher(javacvMessage);
        if (m.find()) {
            int code = Integer.parseInt(m.group(1));
            byte[] buf = new byte[256];
            if (avutil.av_strerror(code, buf, buf.length) == 0) {
                int end = 0;
                while (end < buf.length && buf[end] != 0) end++;
                return new String(buf, 0, end, StandardCharsets.UTF_8) + " (FFmpeg error " + code + ")";
            }
        }
        return HINTS.matcher(javacvMessage).replaceAll("").strip();
    }
}
