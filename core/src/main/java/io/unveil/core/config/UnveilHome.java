package io.unveil.core.config;

import java.nio.file.Path;

/**
 * Where Unveil keeps caches shared between runs (fetched models, unpacked natives): {@code -Dunveil.home},
 * {@code $UNVEIL_HOME}, or {@code ~/.cache/unveil}.
 */
public final class UnveilHome {
    /** Not a setting: read before any settings exist (declared in {@link CoreSettings#otherVariables()}). */
    public static final String ENV = "UNVEIL_HOME";

    private UnveilHome() {
    }

    public static Path dir() {
        String p = System.getProperty("unveil.home");
        if (p == null || p.isBlank()) p = System.getenv(ENV);
        if (p == null || p.isBlank()) p = Path.of(System.getProperty("user.home"), ".cache", "unveil").toString();
        return Path.of(p).toAbsolutePath();
    }

    public static Path models() {
        return dir().resolve("models");
    }
}
