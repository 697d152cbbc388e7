package io.unveil.deploy.k8s;

import java.util.List;

/** The roles `unveil run --roles` accepts; each one is a Deployment in deploy/k8s. */
final class Roles {
    static final List<String> ALL = List.of("ingest", "detect", "inpaint", "recognize", "gallery");

    private Roles() {
    }
}
