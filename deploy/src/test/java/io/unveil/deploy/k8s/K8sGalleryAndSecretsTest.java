package io.unveil.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.unveil.core.config.Settings;
import io.unveil.gallery.api.ApiKeys;
import io.unveil.gallery.stage.GallerySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 25 item 9: the gallery can be reached through its Service, and every mounted secret key is read by something
 * in the documented format. Before, the gallery bound 127.0.0.1, secret.yaml documented a key format the parser
 * rejects and the camera-credentials secret was mounted but never read. (That every env var, --set and properties key
 * is a known setting is K8sSettingsTest's check, against the settings registry.)
 */
class K8sGalleryAndSecretsTest {
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/cpu", "overlays/gpu"})
    void theGalleryServiceReachesTheGalleryBindAddress(String dir) {
        K8sManifestsTest.Rendered r = K8sManifestsTest.render(dir);
        Deployment d = r.one(Deployment.class, "unveil-gallery");
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new HashMap<>();
        for (EnvVar e : c.getEnv()) if (e.getValue() != null) env.put(e.getName(), e.getValue());
        Settings s = Settings.load(null, env, Map.of());
        String host = s.get(GallerySettings.HOST);
        assertFalse(host.startsWith("127.") || host.equals("localhost"), dir + ": the gallery binds " + host + ", the Service cannot reach it");
        int port = s.get(GallerySettings.PORT);
        Service svc = r.one(Service.class, "unveil-gallery");
        ServicePort http = svc.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
        int target = c.getPorts().stream().filter(p -> p.getName().equals(http.getTargetPort().getStrVal())).findFirst()
                .orElseThrow().getContainerPort();
        assertEquals(port, target, dir + ": the Service's http targetPort is the port the gallery listens on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base"})
    void everySecretKeyIsReadAndTheDocumentedFormatParses(String dir) throws IOException {
        K8sManifestsTest.Rendered r = K8sManifestsTest.render(dir);
        Secret secret = r.one(Secret.class, "unveil-secrets");
        Set<String> keys = secret.getStringData().keySet();
        Set<String> read = new HashSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (VolumeMount m : c.getVolumeMounts()) {
                if (!m.getName().equals("secrets")) continue;
                for (EnvVar e : c.getEnv())
                    if (e.getValue() != null && e.getValue().startsWith(m.getMountPath() + "/"))
                        read.add(e.getValue().substring(m.getMountPath().length() + 1));
            }
        }
        assertEquals(keys, read, "every key of unveil-secrets is pointed to by a setting of a Deployment that mounts it");

        // the documented api-keys line ("NAME SCOPE sha256:HEX", HEX = sha256sum of the key) is what the parser takes
        String doc = Files.readString(K8sManifestsTest.K8S.resolve("base/app/secret.yaml"));
        assertTrue(doc.contains("NAME SCOPE sha256:HEX"), "secret.yaml documents the key file format");
        Path f = Files.createTempFile("api-keys", "");
        try {
            String key = "a-long-random-admin-key-0123456789";
            String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Files.writeString(f, "# comment\nops admin sha256:" + hex + "\n");
            List<ApiKeys.Key> parsed = ApiKeys.readFile(f);
            assertEquals(1, parsed.size());
            assertTrue(new ApiKeys(parsed).authenticate(key) != null, "the documented line authenticates its key");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
