package io.unveil.core.model;

import io.unveil.core.config.UnveilHome;
import java.nio.file.Path;

/**
 * The pretrained face-api weights (and the demo photos shipped beside them): npm {@value #PACKAGE}@{@value #VERSION},
 * pinned file by file ({@code face-api-<version>.sha256}), cached under {@code <unveil.home>/models/face-api-<version>/}.
 */
public final class FaceApiModels extends PinnedNpmPackage {
    public static final String PACKAGE = "@vladmandic/face-api";
    public static final String VERSION = "1.7.15";

    public FaceApiModels(Path cacheRoot) {
        super(PACKAGE, VERSION, "face-api-" + VERSION, "face-api-" + VERSION + ".sha256", cacheRoot);
    }

    /** The models in the default cache, fetched first if needed. */
    public static FaceApiModels ensureDefault() {
        FaceApiModels m = new FaceApiModels(UnveilHome.models());
        m.ensure();
        return m;
    }

    @Override
    public FaceApiModels ensure() {
        super.ensure();
        return this;
    }
}
