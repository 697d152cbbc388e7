package io.unveil.deploy.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the subset of Kustomize that Unveil's manifests use: resources (files and directories), namespace,
 * metadata labels, image rewrites and JSON 6902 patches (applied with fabric8's zjsonpatch). A kustomization that uses
 * any other field fails to parse, so the test never silently renders something different from {@code kustomize}.
 */
final class Kustomize {
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Kustomization(String apiVersion, String kind, String namespace, List<Labels> labels, List<String> resources,
                         List<Patch> patches, List<Image> images) {
    }

    record Labels(Map<String, String> pairs, Boolean includeSelectors, Boolean includeTemplates) {
    }

    record Patch(String path, Target target) {
    }

    record Target(String group, String version, String kind, String name) {
    }

    record Image(String name, String newName, String newTag) {
    }

    /** A rendered document and the file it came from. */
    record Doc(JsonNode node, Path source) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    private static final YAMLMapper STRICT = (YAMLMapper) new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<String> CLUSTER_SCOPED = List.of("Namespace");

    private Kustomize() {
    }

    static Kustomization read(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        try {
            Kustomization k = STRICT.readValue(file.toFile(), Kustomization.class);
            if (!"kustomize.config.k8s.io/v1beta1".equals(k.apiVersion()) || !"Kustomization".equals(k.kind()))
                throw new AssertionError(file + ": apiVersion/kind must be kustomize.config.k8s.io/v1beta1 Kustomization");
            return k;
        } catch (IOException e) {
            throw new AssertionError(file + ": not a kustomization this renderer supports: " + e.getMessage(), e);
        }
    }

    static List<Doc> render(Path dir) {
        Kustomization k = read(dir);
        List<Doc> docs = new ArrayList<>();
        for (String r : Objects.requireNonNullElse(k.resources(), List.<String>of())) {
            Path p = dir.resolve(r).normalize();
            if (Files.isDirectory(p)) docs.addAll(render(p));
            else if (Files.isRegularFile(p)) StrictModel.documents(p).forEach(n -> docs.add(new Doc(n, p)));
            else throw new AssertionError(dir + ": resource " + r + " does not exist");
        }
        for (Patch patch : Objects.requireNonNullElse(k.patches(), List.<Patch>of())) applyPatch(dir, patch, docs);
        for (Image image : Objects.requireNonNullElse(k.images(), List.<Image>of())) setImage(image, docs);
        for (Labels l : Objects.requireNonNullElse(k.labels(), List.<Labels>of())) {
            if (Boolean.TRUE.equals(l.includeSelectors()) || Boolean.TRUE.equals(l.includeTemplates()))
                throw new AssertionError(dir + ": labels with includeSelectors/includeTemplates are not rendered here");
            for (Doc d : docs) {
                ObjectNode meta = (ObjectNode) d.node().path("metadata");
                ObjectNode labels = meta.has("labels") ? (ObjectNode) meta.get("labels") : meta.putObject("labels");
                l.pairs().forEach(labels::put);
            }
        }
        if (k.namespace() != null) {
            for (Doc d : docs) {
                if (!CLUSTER_SCOPED.contains(d.kind())) ((ObjectNode) d.node().path("metadata")).put("namespace", k.namespace());
            }
        }
        return docs;
    }

    private static void applyPatch(Path dir, Patch patch, List<Doc> docs) {
        Path file = dir.resolve(patch.path());
        JsonNode ops;
        try {
            ops = StrictModel.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ops.isArray()) throw new AssertionError(file + ": only JSON 6902 patches (a list of operations) are rendered here");
        Target t = patch.target();
        int hits = 0;
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            String apiVersion = d.node().path("apiVersion").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            if (!d.kind().equals(t.kind()) || !d.name().equals(t.name())) continue;
            if (t.group() != null && !t.group().equals(group)) continue;
            if (t.version() != null && !t.version().equals(version)) continue;
            try {
                docs.set(i, new Doc(JsonPatch.apply(ops, d.node()), d.source()));
            } catch (RuntimeException e) {
                throw new AssertionError(file + ": patch does not apply to " + t.kind() + "/" + t.name() + ": " + e.getMessage(), e);
            }
            hits++;
        }
        if (hits != 1) throw new AssertionError(file + ": patch target " + t + " matched " + hits + " resources, expected 1");
    }

    private static void setImage(Image image, List<Doc> docs) {
        for (Doc d : docs) {
            JsonNode containers = d.node().path("spec").path("template").path("spec").path("containers");
            if (!containers.isArray()) continue;
            for (JsonNode c : (ArrayNode) containers) {
                String ref = c.path("image").asText();
                String name = ref.contains(":") ? ref.substring(0, ref.lastIndexOf(':')) : ref;
                if (!name.equals(image.name())) continue;
                String newName = image.newName() != null ? image.newName() : name;
                ((ObjectNode) c).put("image", image.newTag() != null ? newName + ":" + image.newTag() : newName);
            }
        }
    }
}
