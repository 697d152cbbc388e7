package io.unveil.recognize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.Settings;
import io.unveil.core.topic.Topics;
import io.unveil.recognize.calibrate.CalibrationResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecognizeConfigTest {
    @Test
    void thresholdComesFromACalibrationNeverFromACodeConstant(@TempDir Path dir) {
        CalibrationResult bundled = CalibrationResult.bundled();
        RecognizeConfig d = RecognizeConfig.from(Settings.empty());
        assertEquals(bundled.threshold(), d.threshold());
        assertTrue(d.thresholdSource().startsWith("bundled"), d.thresholdSource());
        assertEquals(Topics.FACES_REPAIRED.name(), d.inputTopic());

        Path f = dir.resolve("cal.json");
        new CalibrationResult(0.71f, 1e-3, 1e-3, 0.1, 1, 1, 0.9f, 0.3f, 0.7f, "x", "m", 0, new float[]{1, 0}).write(f);
        RecognizeConfig fromFile = RecognizeConfig.from(Settings.empty().with("recognize.calibration", f.toString())
                .with("recognize.read-raw-faces", "true").with("recognize.idle-timeout", "PT5S"));
        assertEquals(0.71f, fromFile.threshold());
        assertEquals(1f, fromFile.center()[0]);
        assertEquals(Topics.FACES.name(), fromFile.inputTopic());
        assertEquals(Duration.ofSeconds(5), fromFile.idleTimeout());
        assertEquals(0.5f, RecognizeConfig.from(Settings.empty().with("recognize.threshold", "0.5")).threshold());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecognizeConfig.from(Settings.empty().with("recognize.calibration", dir.resolve("none.json").toString())));
        assertTrue(e.getMessage().contains("not found"));
    }
}
