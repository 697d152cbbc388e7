package io.unveil.core.config;

import java.util.regex.Pattern;

/**
 * Removes credentials from text meant for people or machines other than the source itself: the user-info part of a
 * URL ({@code rtsp://user:pass@host} becomes {@code rtsp://***@host}), anywhere in a string, since FFmpeg and Kafka
 * put URLs inside their messages. Camera passwords were logged at WARN on every reconnect (114 times in 4 min).
 */
public final class Redact {
    /** scheme://userinfo@ : userinfo has no '/', '@' or whitespace. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s\"']+@");

    private Redact() {
    }

    public static String secrets(String text) {
        if (text == null || text.indexOf('@') < 0) return text;
        return USER_INFO.matcher(text).replaceAll("$1***@");
    }
}
