package io.unveil.inpaint.eval;

import java.nio.file.Path;

/** Trained inpainting generators as evaluation methods. */
public final class ModelMethods {
    private ModelMethods() {
    }

    public static RepairMethod open(String name, Path model) {
        throw new IllegalArgumentException("cannot load " + name + " from " + model
                + ": this build has no ID-GAN generator runtime yet (issue 6); use the built-ins gt, occ, telea, ns");
    }
}
