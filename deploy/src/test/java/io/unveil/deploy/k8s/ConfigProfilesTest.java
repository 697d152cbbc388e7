package io.unveil.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.SettingRegistry;
import io.unveil.core.config.Settings;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.DetectorSettings;
import io.unveil.ingest.CameraSpec;
import io.unveil.ingest.IngestSettings;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped configuration profiles ({@code deploy/config/*.properties}): every key is one the settings registry knows
 * (loading checks it: a typo fails instead of being silently ignored), and the typed configurations accept the values.
 */
class ConfigProfilesTest {
    @Test
    void everyProfileUsesKnownKeysWithValidValues(@TempDir Path tmp) throws IOException {
        List<Path> profiles;
        try (Stream<Path> files = Files.list(DeployPaths.module().resolve("config"))) {
            profiles = files.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
        assertFalse(profiles.isEmpty(), "no profile in deploy/config");
        Path typo = Files.writeString(tmp.resolve("typo.properties"), "detector.input-sise=224\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Settings.load(typo, Map.of(), Map.of()), "the key check accepts a typo");
        assertTrue(e.getMessage().contains("did you mean 'detector.input-size'"), e.getMessage());
        for (Path profile : profiles) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(profile)) {
                p.load(r);
            }
            assertFalse(p.isEmpty(), profile + " is empty");
            Settings s = Settings.load(profile, Map.of(), Map.of());
            for (String key : p.stringPropertyNames())
                assertNotNull(SettingRegistry.installed().find(key), profile.getFileName() + ": key " + key + " is not in the registry");
            DetectorConfig.from(s);
            InpaintConfig.from(s);
            assertEquals(0, s.get(DetectorSettings.INPUT_SIZE) % 32, "detector.input-size must be a multiple of 32");
            CameraSpec cam = CameraSpec.of("cam1", "camera.mp4", s);
            assertEquals(s.get(IngestSettings.FPS), cam.fps(), 1e-9, "a camera without its own fps takes the profile's");
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
}
