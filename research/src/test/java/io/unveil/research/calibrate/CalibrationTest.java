package io.unveil.research.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.recognize.calibrate.CalibrationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
    @Test
    void thresholdMeetsTargetFarOnTheImpostorScores() {
        Random r = new Random(3);
        Map<String, List<float[]>> byId = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            float[] base = new float[32];
            for (int k = 0; k < 32; k++) base[k] = (float) r.nextGaussian();
            List<float[]> list = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                float[] e = base.clone();
                for (int k = 0; k < 32; k++) e[k] += 0.6f * (float) r.nextGaussian();
                list.add(e);
            }
            byId.put("p" + i, list);
        }
        Calibration.Scores s = Calibration.scores(byId);
        assertEquals(200, s.genuine().length);
        assertEquals(200 * 39, s.impostor().length);
        CalibrationResult res = Calibration.pick(s, 1e-3);
        long accepted = 0;
        for (float v : s.impostor()) if (v >= res.threshold()) accepted++;
        assertTrue(accepted <= Math.floor(1e-3 * s.impostor().length), "accepted impostors " + accepted);
        assertEquals(accepted / (double) s.impostor().length, res.far(), 1e-12);
        // the threshold is tight: lowering it to the next allowed impostor score would exceed the FAR
        assertTrue(res.genuineMedian() > res.threshold(), "well separated synthetic identities");
        assertTrue(res.frr() < 0.2, "frr " + res.frr());
        assertTrue(res.far() <= 1e-3);
    }

    @Test
    void roundTripsThroughTheFile(@TempDir Path dir) throws Exception {
        CalibrationResult r = new CalibrationResult(0.55f, 1e-3, 9e-4, 0.1, 10, 100, 0.8f, 0.1f, 0.5f, "d", "m", 1L, null);
        Path f = dir.resolve("c/calibration.json");
        r.write(f);
        assertTrue(Files.readString(f).contains("\"threshold\""));
        assertEquals(r, CalibrationResult.read(f));
    }

    @Test
    void aTargetFarNeedsTenImpostorScoresPerAcceptedImpostor() {
        assertEquals(10_000, Calibration.impostorsNeeded(1e-3));
        assertEquals(100, Calibration.impostorsNeeded(0.1));
        Calibration.Scores fiftyTwo = new Calibration.Scores(new float[]{0.9f}, new float[52], null);
        assertEquals("the set gives 52 impostor scores, FAR 1e-03 needs at least 10000 (10/FAR) for a meaningful threshold: use a set "
                + "with more identities or images, or --far 0.2 or higher (what 52 scores support)", Calibration.tooFewImpostors(fiftyTwo, 1e-3));
        assertEquals(null, Calibration.tooFewImpostors(fiftyTwo, 0.2));
        assertTrue(Calibration.tooFewImpostors(fiftyTwo, 0.19) != null);
    }
}
