package io.unveil.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.Settings;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.ingest.CameraSpec;
import io.unveil.inpaint.stage.InpaintConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped configuration profiles ({@code deploy/config/*.properties}): every key is one the README documents (a
 * typo would be silently ignored at run time), and the typed configurations accept the values.
 */
class ConfigProfilesTest {
    @Test
    void everyProfileUsesDocumentedKeysWithValidValues() throws IOException {
        List<Path> profiles;
        try (Stream<Path> files = Files.list(DeployPaths.module().resolve("config"))) {
            profiles = files.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
        assertFalse(profiles.isEmpty(), "no profile in deploy/config");
        String readme = Files.readString(DeployPaths.repoRoot().resolve("README.md"));
        assertFalse(documented(readme, "detector.input-sise"), "the key check accepts a typo");
        assertTrue(documented(readme, "camera.door.fps") && documented(readme, "streams.config.poll.ms"));
        for (Path profile : profiles) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(profile)) {
                p.load(r);
            }
            assertFalse(p.isEmpty(), profile + " is empty");
            for (String key : p.stringPropertyNames()) assertTrue(documented(readme, key), profile.getFileName() + ": key " + key + " is not in the README's configuration table");
            Settings s = Settings.load(profile, Map.of(), Map.of());
            DetectorConfig.from(s);
            InpaintConfig.from(s);
            int inputSize = s.integer("detector.input-size", 416);
            assertEquals(0, inputSize % 32, "detector.input-size must be a multiple of 32");
            CameraSpec cam = CameraSpec.of("cam1", "camera.mp4", s);
            assertEquals(s.decimal("ingest.fps", 10), cam.fps(), 1e-9, "a camera without its own fps takes the profile's");
            // the Streams properties every role would run with: StreamsConfig rejects unknown values and bad numbers
            var role = new io.unveil.core.runtime.RoleContext("127.0.0.1:9092", s,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Path.of("state"), (short) 1, (n, c) -> { });
            var streams = new org.apache.kafka.streams.StreamsConfig(role.streamsProperties("profile-check"));
            String guarantee = streams.getString(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
            boolean lowLatency = profile.getFileName().toString().contains("low-latency");
            assertEquals(lowLatency ? "at_least_once" : "exactly_once_v2", guarantee,
                    profile.getFileName() + ": only a low-latency profile may trade exactly-once for latency");
        }
    }

    /** A key is documented when the README's table names it, or names a prefix of it ({@code streams.config.*}). */
    static boolean documented(String readme, String key) {
        if (readme.contains("`" + key + "`")) return true;
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1))
            if (readme.contains("`" + key.substring(0, dot) + ".*`")) return true;
        String[] parts = key.split("\\.", 3);
        return parts.length == 3 && parts[0].equals("camera") && readme.contains("`camera.<id>." + parts[2] + "`");
    }
}
