package io.unveil.core.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.unveil.core.config.UnveilHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts DJL in offline mode before its engine loads: no model hub, no tracking, the bundled CPU libtorch from
 * {@code pytorch-native-cpu} unpacked under the Unveil cache. Call before the first use of DJL.
 */
public final class Djl {
    private static final Logger LOG = LoggerFactory.getLogger(Djl.class);

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

    /** The device a setting such as {@code inpaint.device} names: {@code gpu} when the engine has one (else CPU with a warning), else CPU. */
    public static Device device(String name) {
        init();
        if ("gpu".equalsIgnoreCase(name)) {
            if (Engine.getInstance().getGpuCount() > 0) return Device.gpu();
            LOG.warn("device gpu requested but the engine sees no GPU (CPU libtorch?): falling back to CPU");
        }
        return Device.cpu();
    }
}
