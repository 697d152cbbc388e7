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

    /** A registry as the modules declare theirs: fixed keys, camera families, a pass-through prefix, a non-setting variable. */
    static final Setting<Double> MIN_FACE_PX = Setting.decimal("detector.min-face-px", 40, "gate");
    static final Setting<Double> MIN_SCORE = Setting.decimal("detector.min-score", 0.5, "score");
    static final Setting<Double> TRACK_IOU = Setting.decimal("detector.track-iou", 0.3, "iou");
    static final Setting<Integer> FPS = Setting.integer("ingest.fps", 10, "fps");
    static final Setting<Double> RATE = Setting.decimal("gallery.rate-limit.per-second", 20, "rate");
    static final SettingPattern<Double> CAMERA_FPS = SettingPattern.of("camera.<id>.fps", SettingType.DECIMAL, "", "fps");
    static final SettingPattern<String> CAMERA_OPTION = SettingPattern.of("camera.<id>.option.<option>", SettingType.TEXT, "", "opt");
    static final SettingRegistry REGISTRY = SettingRegistry.of(new CoreSettings(), SettingCatalogue.of(MIN_FACE_PX, MIN_SCORE, TRACK_IOU, FPS,
            RATE, CAMERA_FPS, CAMERA_OPTION));

    static Settings load(Path file, Map<String, String> env, Map<String, String> overrides) {
        return Settings.load(file, env, overrides, REGISTRY);
    }

    @Test
    void fileThenEnvironmentThenOverrides() throws Exception {
        Path f = dir.resolve("unveil.properties");
        Files.writeString(f, "detector.min-face-px = 30\ndetector.track-iou=0.4\ningest.fps=5\nkafka.acks=all\n");
        Settings s = load(f, Map.of("UNVEIL_DETECTOR_MIN_FACE_PX", "50", "PATH", "/bin", "UNVEIL_INGEST_FPS", "7"),
                Map.of("ingest.fps", "12"));
        assertEquals(50, s.get(MIN_FACE_PX), "environment beats the file");
        assertEquals(0.4, s.get(TRACK_IOU));
        assertEquals(12, s.get(FPS), "overrides beat everything");
        assertEquals(Map.of("acks", "all"), s.withPrefix(CoreSettings.KAFKA));
        assertEquals(0.5, s.get(MIN_SCORE), "the declared default");
        assertFalse(s.isSet(MIN_SCORE));
        assertEquals(2.5, s.get(CAMERA_FPS.at("door"), 2.5), "a family member falls back to the given default");
    }

    @Test
    void environmentNamesMapToTheDeclaredKeys() {
        Settings s = load(null, Map.of("UNVEIL_GALLERY_RATE_LIMIT_PER_SECOND", "5", "UNVEIL_KAFKA_SECURITY_PROTOCOL", "SSL",
                "UNVEIL_CAMERA_DOOR_OPTION_RTSP_FLAGS", "listen", "UNVEIL_CAMERA_DOOR_FPS", "3", "UNVEIL_STREAMS_CONFIG_COMMIT_INTERVAL_MS", "30",
                "UNVEIL_HOME", "/opt/unveil/home"), Map.of());
        assertEquals(5, s.get(RATE), "a key with two dots is reachable from the environment");
        assertEquals(Map.of("security.protocol", "SSL"), s.withPrefix(CoreSettings.KAFKA), "Kafka's dots spelled as underscores");
        assertEquals(Map.of("commit.interval.ms", "30"), s.withPrefix(CoreSettings.STREAMS_CONFIG));
        assertEquals("listen", s.get(CAMERA_OPTION.at("door", "rtsp_flags")), "an FFmpeg option keeps its underscores");
        assertEquals(3, s.get(CAMERA_FPS.at("door")));
        assertEquals("UNVEIL_DETECTOR_MIN_FACE_PX", SettingRegistry.envName("detector.min-face-px"));
    }

    @Test
    void unknownKeysFailWithADidYouMean() throws Exception {
        var set = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of(), Map.of("detektor.min-score", "0.3")));
        assertEquals("unknown setting 'detektor.min-score' (--set detektor.min-score=0.3); did you mean 'detector.min-score'?"
                + " Known settings: unveil run --help.", set.getMessage());
        Path f = dir.resolve("typo.properties");
        Files.writeString(f, "ingest.fsp=5\n");
        var file = assertThrows(IllegalArgumentException.class, () -> load(f, Map.of(), Map.of()));
        assertTrue(file.getMessage().contains("'ingest.fsp' (config file " + f + "); did you mean 'ingest.fps'?"), file.getMessage());
        var env = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of("UNVEIL_DETEKTOR_MIN_SCORE", "0.3"), Map.of()));
        assertTrue(env.getMessage().startsWith("unknown environment variable UNVEIL_DETEKTOR_MIN_SCORE")
                && env.getMessage().contains("did you mean UNVEIL_DETECTOR_MIN_SCORE (detector.min-score)?"), env.getMessage());
        var camera = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of(), Map.of("camera.door.fsp", "3")));
        assertTrue(camera.getMessage().contains("did you mean 'camera.door.fps'?"), camera.getMessage());
        var prefix = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of(), Map.of("kafak.acks", "all")));
        assertTrue(prefix.getMessage().contains("did you mean 'kafka.acks'?"), prefix.getMessage());
        var prefixless = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of("UNVEIL_RATE_LIMIT_PER_SECOND", "1"), Map.of()));
        assertTrue(prefixless.getMessage().contains("did you mean UNVEIL_GALLERY_RATE_LIMIT_PER_SECOND (gallery.rate-limit.per-second)?"),
                prefixless.getMessage());
        var far = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of(), Map.of("colour", "red")));
        assertFalse(far.getMessage().contains("did you mean"), "no suggestion far from every key: " + far.getMessage());
        assertEquals(1, far.getMessage().lines().count(), "one line");
    }

    @Test
    void knownKeysWithBadValuesFailAtLoad() {
        var set = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of(), Map.of("detector.min-score", "high")));
        assertEquals("setting detector.min-score must be a number, got 'high' (--set detector.min-score=high)", set.getMessage());
        var env = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of("UNVEIL_INGEST_FPS", "7.5"), Map.of()));
        assertEquals("setting ingest.fps must be an integer, got '7.5' (environment variable UNVEIL_INGEST_FPS)", env.getMessage());
        var camera = assertThrows(IllegalArgumentException.class, () -> load(null, Map.of(), Map.of("camera.a.b.fps", "fast")));
        assertTrue(camera.getMessage().startsWith("setting camera.a.b.fps must be a number"), camera.getMessage());
    }

    @Test
    void aRegistryRefusesADuplicateOrAnAmbiguousDeclaration() {
        assertThrows(IllegalStateException.class, () -> SettingRegistry.of(SettingCatalogue.of(FPS), SettingCatalogue.of(FPS)));
        assertThrows(IllegalStateException.class, () -> SettingRegistry.of(SettingCatalogue.of(FPS,
                Setting.integer("ingest-fps", 1, "same variable UNVEIL_INGEST_FPS"))));
        assertThrows(IllegalArgumentException.class, () -> SettingPattern.of("camera.<option>.fps", SettingType.TEXT, "", "not last"));
    }

    @Test
    void theDocumentationListsEveryEntry() {
        String table = REGISTRY.markdownTable();
        assertTrue(table.contains("| `detector.min-score` | number | `0.5` | score |"), table);
        assertTrue(table.contains("| `camera.<id>.option.<option>` | text |  | opt |"), table);
        String help = REGISTRY.helpText(60);
        assertTrue(help.contains("  kafka.<property> (text)\n      passed to every Kafka client"), help);
        assertTrue(help.lines().allMatch(l -> l.length() <= 60), help);
        assertEquals("P7D", Setting.duration("x", java.time.Duration.ofDays(7), "d").defaultText());
        assertEquals("50ms", Setting.duration("x", java.time.Duration.ofMillis(50), "d").defaultText());
        assertEquals("2s", Setting.duration("x", java.time.Duration.ofSeconds(2), "d").defaultText());
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
        assertThrows(IllegalArgumentException.class, () -> load(dir.resolve("none.properties"), Map.of(), Map.of()));
    }

    @Test
    void withDoesNotMutate() {
        Settings a = Settings.empty();
        Settings b = a.with("k", "v");
        assertEquals("d", a.string("k", "d"));
        assertEquals("v", b.string("k", "d"));
    }
}
