package io.unveil.core.model;

import io.unveil.core.config.UnveilHome;
import java.nio.file.Path;

/**
 * The pretrained MobileFaceNet the fused recognizer adds to robust-v3: {@code model/fr_feature.onnx} of npm
 * {@value #PACKAGE}@{@value #VERSION} (MIT; a PyTorch export, 112x112 RGB in, 512-D out), pinned with the package's
 * LICENSE ({@code faceplugin-face-recognition-js-<version>.sha256}), cached under
 * {@code <unveil.home>/models/faceplugin-<version>/}. The package's other networks are not unpacked.
 */
public final class MobileFaceNetModels extends PinnedNpmPackage {
    public static final String PACKAGE = "faceplugin-face-recognition-js";
    public static final String VERSION = "0.0.1";
    /** The recognizer's file inside the package. */
    public static final String ONNX = "model/fr_feature.onnx";

    public MobileFaceNetModels(Path cacheRoot) {
        super(PACKAGE, VERSION, "faceplugin-" + VERSION, PACKAGE + "-" + VERSION + ".sha256", cacheRoot);
    }

    /** The model in the default cache, fetched first if needed. */
    public static MobileFaceNetModels ensureDefault() {
        MobileFaceNetModels m = new MobileFaceNetModels(UnveilHome.models());
        m.ensure();
        return m;
    }

    @Override
    public MobileFaceNetModels ensure() {
        super.ensure();
        return this;
    }
}
