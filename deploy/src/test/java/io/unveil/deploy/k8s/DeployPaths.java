package io.unveil.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the deploy module's files whether tests run from the module or from the reactor root. */
public final class DeployPaths {
    private DeployPaths() {
    }

    public static Path module() {
        String root = System.getProperty("unveil.repo.root");
        if (root != null && Files.isDirectory(Path.of(root, "deploy", "k8s"))) return Path.of(root, "deploy");
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("k8s"))) return here;
        if (Files.isDirectory(here.resolve("deploy/k8s"))) return here.resolve("deploy");
        throw new IllegalStateException("cannot find deploy/k8s from " + here);
    }

    public static Path repoRoot() {
        return module().getParent();
    }
}
