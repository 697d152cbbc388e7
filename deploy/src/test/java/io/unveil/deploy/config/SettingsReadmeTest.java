package io.unveil.deploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.SettingRegistry;
import io.unveil.core.config.SettingSpec;
import io.unveil.deploy.k8s.DeployPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is the registry's: a key added, removed or re-documented in a module's settings
 * catalogue fails here until the README says the same. {@code -Dunveil.readme.write=true} rewrites the table.
 */
class SettingsReadmeTest {
    static final String BEGIN = "<!-- settings table: generated from the settings registry (SettingsReadmeTest) -->\n";
    static final String END = "<!-- end of settings table -->";

    @Test
    void readmeTableIsTheRegistry() throws IOException {
        Path readme = DeployPaths.repoRoot().resolve("README.md");
        String text = Files.readString(readme);
        int b = text.indexOf(BEGIN), e = text.indexOf(END);
        assertTrue(b >= 0 && e > b, "README.md lacks the settings table markers");
        String expected = SettingRegistry.installed().markdownTable();
        String actual = text.substring(b + BEGIN.length(), e);
        if (Boolean.getBoolean("unveil.readme.write") && !expected.equals(actual)) {
            Files.writeString(readme, text.substring(0, b + BEGIN.length()) + expected + text.substring(e));
            actual = expected;
        }
        assertEquals(expected, actual, "README.md's settings table differs from the registry (rerun with -Dunveil.readme.write=true)");
    }

    @Test
    void everyModuleOfThePipelineDeclaresItsSettings() {
        List<String> names = SettingRegistry.installed().specs().stream().map(SettingSpec::name).toList();
        for (String key : List.of("kafka.<property>", "streams.threads", "streams.config.<property>", "camera.<id>.url", "ingest.fps",
                "detector.input-size", "inpaint.max-batch", "recognize.threshold", "gallery.api-keys-file"))
            assertTrue(names.contains(key), key + " is not in the registry: " + names);
        for (String env : List.of("UNVEIL_HOME", "UNVEIL_SHARED_DATA", "UNVEIL_URL", "UNVEIL_API_KEY"))
            assertTrue(SettingRegistry.installed().otherVariables().contains(env), env + " must stay usable");
    }
}
