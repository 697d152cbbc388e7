package io.unveil.core.model;

import io.unveil.core.config.UnveilHome;

/**
 * Puts DJL in offline mode before its engine loads: no model hub, no tracking, the bundled CPU libtorch from
 * {@code pytorch-native-cpu} unpacked under the Unveil cache. Call before the first use of DJL.
 */
public final class Djl {
    private Djl() {
    }

    public static synchronized void init() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("DJL_CACHE_DIR", UnveilHome.dir().resolve("djl").toString());
        setIfAbsent("ENGINE_CACHE_DIR", UnveilHome.dir().resolve("djl").toString());
        setIfAbsent("org.bytedeco.javacpp.cachedir", UnveilHome.dir().resolve("javacpp").toString());
        setIfAbsent("ai.djl.default_engine", "PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) System.setProperty(key, value);
    }
}
