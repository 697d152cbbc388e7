package io.unveil.deploy.k8s;

import java.util.List;

/** The pipeline roles, each a Deployment in deploy/k8s; the launcher's registry (io.unveil.deploy.runtime.Roles) must be a subset. */
final class Roles {
    static final List<String> ALL = List.of("ingest", "detect", "inpaint", "recognize", "gallery");

    private Roles() {
    }
}
