package io.unveil.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.unveil.core.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    record Net(String model) implements LoadedModel {
        @Override
        public void close() {
        }
    }

    private static final io.unveil.core.config.Setting<Integer> INPUT_SIZE =
            io.unveil.core.config.Setting.integer("detector.input-size", 416, "input size");

    private static ModelRegistry<Net> detectors() {
        return new ModelRegistry<Net>("detector.model", "tiny")
                .register("tiny", s -> new Net("tiny@" + s.get(INPUT_SIZE)))
                .register("ssd", s -> new Net("ssd"));
    }

    @Test
    void eachNameLoadsItsNetworkAndTheDefaultAppliesWhenUnset() {
        ModelRegistry<Net> r = detectors();
        assertEquals(List.of("tiny", "ssd"), r.names());
        assertEquals("tiny@416", r.load(Settings.empty()).model());
        assertEquals("tiny@224", r.load(Settings.empty().with("detector.input-size", "224")).model());
        assertEquals("ssd", r.load(Settings.empty().with("detector.model", " ssd ")).model());
    }

    @Test
    void anUnknownNameFailsWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> detectors().resolve(Settings.empty().with("detector.model", "yunet")));
        assertEquals("unknown detector.model 'yunet'; known: tiny, ssd", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> detectors().register("ssd", s -> new Net("again")));
        assertThrows(IllegalArgumentException.class, () -> detectors().register("a/b", s -> new Net("path-like")));
        IllegalStateException d = assertThrows(IllegalStateException.class,
                () -> new ModelRegistry<Net>("x.model", "none").register("one", s -> new Net("one")).resolve(Settings.empty()));
        assertEquals("x.model: default 'none' is not registered (known: one)", d.getMessage());
    }

    @Test
    void aRegistryThatAcceptsFilesLoadsAPathAndRefusesAMissingOne(@TempDir Path dir) throws IOException {
        ModelRegistry<Net> r = new ModelRegistry<Net>("inpaint.generator", "bundled")
                .register("bundled", s -> new Net("bundled"))
                .orFile((file, s) -> new Net("file:" + file.getFileName()));
        Path f = Files.write(dir.resolve("g.bin"), new byte[] {1});
        assertEquals("bundled", r.load(Settings.empty()).model());
        assertEquals("file:g.bin", r.load(Settings.empty().with("inpaint.generator", f.toString())).model());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.resolve(Settings.empty().with("inpaint.generator", dir.resolve("missing.bin").toString())));
        assertEquals("inpaint.generator '" + dir.resolve("missing.bin") + "' is neither a known name (bundled) nor a readable weight file",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.resolve(Settings.empty().with("inpaint.generator", dir.toString())));
    }
}
