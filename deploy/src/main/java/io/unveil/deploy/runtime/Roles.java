package io.unveil.deploy.runtime;

import io.unveil.core.runtime.Role;
import io.unveil.detector.stage.DetectRole;
import io.unveil.ingest.IngestRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The roles a process can run, in pipeline order (they start in this order and stop in reverse). A module adds its
 * role with one line here: {@code register("recognize", () -> new RecognizeRole(Models.RECOGNIZERS));}. A role that
 * serves a network gets it from the {@link Models} registry of its setting.
 */
public final class Roles {
    private static final Map<String, Supplier<Role>> REGISTRY = new LinkedHashMap<>();

    static {
        register("ingest", IngestRole::new);
        register("detect", () -> new DetectRole(Models.DETECTORS));
        register("inpaint", () -> new io.unveil.inpaint.stage.InpaintRole(Models.OCCLUSION_MODELS, Models.GENERATORS));
        register("recognize", () -> new io.unveil.recognize.stage.RecognizeRole(Models.RECOGNIZERS));
        register("gallery", () -> new io.unveil.gallery.stage.GalleryRole(Models.RECOGNIZERS, Models.DETECTORS, Models.OCCLUSION_MODELS));
    }

    private Roles() {
    }

    private static void register(String name, Supplier<Role> factory) {
        REGISTRY.put(name, factory);
    }

    /** Every registered role name, in pipeline order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** New instances of the named roles, in pipeline order; unknown names fail with the list of known ones. */
    public static List<Role> create(List<String> names) {
        for (String n : names) {
            if (!REGISTRY.containsKey(n))
                throw new IllegalArgumentException("unknown role '" + n + "'; known roles: " + String.join(",", names()));
        }
        List<Role> out = new ArrayList<>();
        REGISTRY.forEach((name, f) -> {
            if (names.contains(name)) out.add(f.get());
        });
        return out;
    }
}
