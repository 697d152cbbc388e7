package io.unveil.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.unveil.core.config.SettingRegistry;
import io.unveil.core.config.Settings;
import io.unveil.gallery.stage.GallerySettings;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every setting the manifests give a role (an {@code UNVEIL_*} variable, a {@code --set KEY=VALUE} argument, a line of
 * the ConfigMap's {@code unveil.properties}) is a key the settings registry knows, with a value of its type: a typo
 * there would otherwise be silently ignored in the cluster (as {@code UNVEIL_API_KEYS_FILE} was: it set
 * {@code api.keys-file}, which nothing reads, instead of {@code gallery.api-keys-file}).
 */
class K8sSettingsTest {
    private static final SettingRegistry REGISTRY = SettingRegistry.installed();

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/cpu", "overlays/gpu"})
    void everySettingOfEveryRoleIsKnownAndWellTyped(String dir) throws IOException {
        K8sManifestsTest.Rendered r = K8sManifestsTest.render(dir);
        int checked = 0;
        for (Deployment d : r.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = dir + " Deployment " + d.getMetadata().getName();
                Map<String, String> env = new TreeMap<>();
                for (EnvVar e : c.getEnv()) {
                    if (!e.getName().startsWith("UNVEIL_")) continue;
                    String key = keyOf(e.getName(), where);
                    if (key == null) continue; // UNVEIL_HOME and the like
                    if (e.getValue() != null) env.put(e.getName(), e.getValue());
                    checked++;
                }
                List<String> args = c.getArgs();
                Map<String, String> sets = new TreeMap<>();
                for (int i = 0; i < args.size(); i++) {
                    if (!args.get(i).equals("--set")) continue;
                    String kv = args.get(i + 1);
                    int eq = kv.indexOf('=');
                    assertTrue(eq > 0, where + ": --set expects KEY=VALUE, got " + kv);
                    sets.put(kv.substring(0, eq), kv.substring(eq + 1));
                    checked++;
                }
                try {
                    // the production path: file < environment < --set, every key and value checked
                    Settings.load(null, env, sets);
                } catch (IllegalArgumentException e) {
                    fail(where + ": " + e.getMessage());
                }
            }
        }
        Properties p = new Properties();
        p.load(new StringReader(r.one(ConfigMap.class, "unveil-config").getData().get("unveil.properties")));
        for (String key : p.stringPropertyNames()) {
            REGISTRY.check(key, p.getProperty(key).trim(), dir + " ConfigMap unveil-config unveil.properties");
            checked++;
        }
        assertTrue(checked >= 3, dir + ": settings checked " + checked);
    }

    @Test
    void theGalleryReadsItsApiKeysFromTheMountedSecret() {
        Deployment gallery = K8sManifestsTest.render("base").one(Deployment.class, "unveil-gallery");
        EnvVar keys = gallery.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().startsWith("UNVEIL_")).filter(e -> GallerySettings.API_KEYS_FILE.name()
                        .equals(REGISTRY.keyOfEnv(e.getName()))).findFirst().orElseThrow(() -> new AssertionError("no API keys file"));
        assertEquals("/etc/unveil-secrets/api-keys", keys.getValue());
    }

    @Test
    void theCheckRefusesAMisspelledVariable() {
        var e = assertThrows(IllegalArgumentException.class, () -> REGISTRY.keyOfEnv("UNVEIL_API_KEYS_FILE"));
        assertTrue(e.getMessage().contains("UNVEIL_GALLERY_API_KEYS_FILE"), e.getMessage());
    }

    private static String keyOf(String env, String where) {
        try {
            return REGISTRY.keyOfEnv(env);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(where + ": " + e.getMessage());
        }
    }
}
