package io.unveil.recognize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.Settings;
import io.unveil.core.topic.Topics;
import io.unveil.recognize.calibrate.CalibrationResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import io.unveil.recognize.calibrate.ConditionCalibration;
import io.unveil.recognize.match.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecognizeConfigTest {
    @Test
    void thresholdComesFromACalibrationNeverFromACodeConstant(@TempDir Path dir) {
        CalibrationResult bundled = CalibrationResult.bundled("robust"); // the default recognizer's
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
        RecognizeConfig explicit = RecognizeConfig.from(Settings.empty().with("recognize.threshold", "0.5"));
        assertEquals(0.5f, explicit.threshold());
        // the default occlusion-matched comparison needs calibrated thresholds: off (with a warning), not a refusal
        assertTrue(!explicit.occlusionCentroids() && d.occlusionCentroids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecognizeConfig.from(Settings.empty().with("recognize.calibration", dir.resolve("none.json").toString())));
        assertTrue(e.getMessage().contains("not found"));
    }

    @Test
    void visitFarReadsTheCalibrationsCurveAndLeavesAnExplicitThresholdAlone(@TempDir Path dir) {
        Path f = dir.resolve("cal.json");
        ConditionCalibration plain = new ConditionCalibration(0.6f, 1e-3, 0.1, 10, 100_000, 0.8f, 0f, "p", java.util.List.of(
                new ConditionCalibration.FarPoint(1e-3, 0.6f, 0.9), new ConditionCalibration.FarPoint(1e-4, 0.66f, 0.8)));
        new CalibrationResult(0.6f, 1e-3, 1e-3, 0.1, 1, 1, 0.9f, 0.3f, 0.7f, "x", "m", 0, null)
                .withConditions("robust", Map.of("plain", plain)).write(f);
        RecognizeConfig on = RecognizeConfig.from(Settings.empty().with("recognize.calibration", f.toString())
                .with("recognize.visit-far", "0.01"));
        assertEquals(0.6f, on.schedule().at(10).plain(), 1e-6f);
        assertEquals(0.66f, on.schedule().at(100).plain(), 1e-6f, "the file's curve survives the JSON round trip");
        assertEquals(0.6f, RecognizeConfig.from(Settings.empty().with("recognize.calibration", f.toString()))
                .schedule().at(100).plain(), 1e-6f, "visit-far 0 (default): the calibration's FAR at every size");
        assertEquals(0.5f, RecognizeConfig.from(Settings.empty().with("recognize.threshold", "0.5")
                .with("recognize.visit-far", "0.01")).schedule().at(1000).plain(), 1e-6f, "an explicit threshold is not moved");
        assertThrows(IllegalArgumentException.class, () -> RecognizeConfig.from(Settings.empty()
                .with("recognize.calibration", f.toString()).with("recognize.visit-far", "1.5")));
    }

    @Test
    void eachConditionGetsItsCalibratedThreshold(@TempDir Path dir) {
        Path f = dir.resolve("cal.json");
        new CalibrationResult(0.6f, 1e-3, 1e-3, 0.1, 1, 1, 0.9f, 0.3f, 0.7f, "x", "m", 0, null).withConditions("robust", Map.of(
                "plain", cond(0.6f), "occluded", cond(0.5f), "repaired", cond(0.55f), "occluded-matched", cond(0.7f),
                "repaired-matched", cond(0.65f))).write(f);
        RecognizeConfig c = RecognizeConfig.from(Settings.empty().with("recognize.calibration", f.toString())
                .with("recognize.occlusion-centroids", "true"));
        assertEquals(new Thresholds(0.6f, 0.5f, 0.55f, 0.7f, 0.65f), c.thresholds());
        assertTrue(c.occlusionCentroids());
        // an explicit threshold holds for every condition, and has no occlusion-matched one to switch them on with
        assertEquals(Thresholds.uniform(0.5f), RecognizeConfig.from(Settings.empty().with("recognize.threshold", "0.5")).thresholds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecognizeConfig.from(
                Settings.empty().with("recognize.threshold", "0.5").with("recognize.occlusion-centroids", "true")));
        assertTrue(e.getMessage().contains("occlusion-matched"), e.getMessage());
    }

    @Test
    void aFileWithoutConditionsUsesItsThresholdForAllAndNoMatchedComparison(@TempDir Path dir) {
        Path f = dir.resolve("old.json");
        new CalibrationResult(0.61f, 1e-3, 1e-3, 0.1, 1, 1, 0.9f, 0.3f, 0.7f, "x", "m", 0, null).write(f);
        Thresholds t = RecognizeConfig.from(Settings.empty().with("recognize.calibration", f.toString())).thresholds();
        assertEquals(0.61f, t.occluded());
        assertEquals(0.61f, t.repaired());
        assertTrue(Float.isNaN(t.occludedMatched()));
        assertTrue(!RecognizeConfig.from(Settings.empty().with("recognize.calibration", f.toString())).occlusionCentroids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecognizeConfig.from(Settings.empty()
                .with("recognize.calibration", f.toString()).with("recognize.occlusion-centroids", "true")));
        assertTrue(e.getMessage().contains("occlusion-matched"), e.getMessage());
    }

    @Test
    void theBundledCalibrationHasEveryConditionForFaceApi() {
        Thresholds t = RecognizeConfig.from(Settings.empty().with("recognize.model", "faceapi")).thresholds();
        for (float v : new float[]{t.plain(), t.occluded(), t.repaired(), t.occludedMatched(), t.repairedMatched()})
            assertTrue(v > 0f && v < 1f, "threshold " + v + " in " + t);
    }

    @Test
    void theBundledCalibrationOfTheRobustRecognizerIsItsOwn() {
        RecognizeConfig c = RecognizeConfig.from(Settings.empty().with("recognize.model", "robust"));
        Thresholds t = c.thresholds();
        // calibration/README.md: plain 0.6270, occluded 0.6576 (face-api's: 0.6064, 0.5675)
        assertEquals(0.6270f, t.plain(), 1e-4f);
        assertEquals(0.6576f, t.occluded(), 1e-4f);
    }

    @Test
    void aModelWithoutACalibrationDoesNotStart(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecognizeConfig.from(Settings.empty().with("recognize.model", "retinaface")));
        assertTrue(e.getMessage().contains("recognize.model=retinaface has no bundled calibration"), e.getMessage());
        assertTrue(e.getMessage().contains("unveil calibrate --model retinaface"), e.getMessage());
        // another model's file is refused too: its threshold is meaningless for this recognizer
        Path f = dir.resolve("faceapi.json");
        new CalibrationResult(0.6f, 1e-3, 1e-3, 0.1, 1, 1, 0.9f, 0.3f, 0.7f, "x", "m", 0, null).withConditions("faceapi", Map.of()).write(f);
        e = assertThrows(IllegalArgumentException.class, () -> RecognizeConfig.from(Settings.empty()
                .with("recognize.model", "robust").with("recognize.calibration", f.toString())));
        assertTrue(e.getMessage().contains("made for recognize.model=faceapi"), e.getMessage());
    }

    private static ConditionCalibration cond(float t) {
        return new ConditionCalibration(t, 1e-3, 0.1, 10, 10_000, 0.8f, 0.0f, "test");
    }
}
