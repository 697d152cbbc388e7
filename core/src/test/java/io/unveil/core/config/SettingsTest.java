package io.unveil.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenOverrides() throws Exception {
        Path f = dir.resolve("unveil.properties");
        Files.writeString(f, "detector.min-face-px = 30\ndetector.track-iou=0.4\ningest.fps=5\nkafka.acks=all\n");
        Settings s = Settings.load(f, Map.of("UNVEIL_DETECTOR_MIN_FACE_PX", "50", "PATH", "/bin", "UNVEIL_INGEST_FPS", "7"),
                Map.of("ingest.fps", "12"));
        assertEquals(50, s.integer("detector.min-face-px", 0), "environment beats the file");
        assertEquals(0.4, s.decimal("detector.track-iou", 0));
        assertEquals(12, s.integer("ingest.fps", 0), "overrides beat everything");
        assertEquals(Map.of("acks", "all"), s.withPrefix("kafka."));
        assertEquals("x", s.string("missing.key", "x"));
    }

    @Test
    void environmentNamesMapToDottedKeys() {
        assertEquals("detector.min-face-px", Settings.envToKey("UNVEIL_DETECTOR_MIN_FACE_PX"));
        assertEquals("home", Settings.envToKey("UNVEIL_HOME"));
    }

    @Test
    void typedValuesAndClearErrors() {
        Settings s = Settings.empty().with("a", "yes").with("b", "off").with("d", "PT2S").with("m", "1500").with("bad", "abc");
        assertTrue(s.bool("a", false));
        assertFalse(s.bool("b", true));
        assertEquals(Duration.ofSeconds(2), s.duration("d", null));
        assertEquals(Duration.ofMillis(1500), s.duration("m", null));
        Settings units = Settings.empty().with("a", "50ms").with("b", "1.5s").with("c", "2m").with("d", "1h").with("e", " 20 MS ");
        assertEquals(Duration.ofMillis(50), units.duration("a", null));
        assertEquals(Duration.ofMillis(1500), units.duration("b", null));
        assertEquals(Duration.ofMinutes(2), units.duration("c", null));
        assertEquals(Duration.ofHours(1), units.duration("d", null));
        assertEquals(Duration.ofMillis(20), units.duration("e", null));
        assertThrows(IllegalArgumentException.class, () -> units.with("x", "5 fortnights").duration("x", null));
        assertThrows(IllegalArgumentException.class, () -> units.with("x", "ms").duration("x", null));
        var e = assertThrows(IllegalArgumentException.class, () -> s.integer("bad", 0));
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("abc"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.decimal("bad", 0));
        assertThrows(IllegalArgumentException.class, () -> s.bool("bad", false));
        assertThrows(IllegalArgumentException.class, () -> s.duration("bad", null));
        assertThrows(IllegalArgumentException.class, () -> Settings.load(dir.resolve("none.properties"), Map.of(), Map.of()));
    }

    @Test
    void withDoesNotMutate() {
        Settings a = Settings.empty();
        Settings b = a.with("k", "v");
        assertEquals("d", a.string("k", "d"));
        assertEquals("v", b.string("k", "d"));
    }
}
