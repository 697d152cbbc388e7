package io.unveil.deploy.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.Settings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25 item 5: a set of roles that cannot produce events fails at start-up and says how to fix it. */
class RoleCombinationTest {
    @Test
    void detectAndRecognizeWithoutInpaintIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoleCombination.check(List.of("detect", "recognize", "gallery"), Settings.empty()));
        assertTrue(e.getMessage().contains("recognize.read-raw-faces=true") && e.getMessage().contains("inpaint"), e.getMessage());
        assertDoesNotThrow(() -> RoleCombination.check(List.of("detect", "recognize", "gallery"),
                Settings.empty().with("recognize.read-raw-faces", "true")));
        assertDoesNotThrow(() -> RoleCombination.check(List.of("detect", "inpaint", "recognize", "gallery"), Settings.empty()));
        assertDoesNotThrow(() -> RoleCombination.check(List.of("recognize"), Settings.empty()), "inpaint in another pod");
    }

    @Test
    void pipelineOpenRefusesItBeforeStartingAnything(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pipeline.open(new PipelineOptions(
                List.of("detect", "recognize"), "127.0.0.1:1", dir, "127.0.0.1", 0, (short) 1, Settings.empty())));
        assertTrue(e.getMessage().contains("cannot produce events"), e.getMessage());
    }
}
