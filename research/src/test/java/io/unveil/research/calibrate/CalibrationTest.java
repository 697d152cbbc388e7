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
    void theCurveGoesDownToTheLowestFarTheImpostorScoresSupportWithRisingThresholds() {
        Random r = new Random(9);
        float[] gen = new float[500], imp = new float[50_000];
        for (int i = 0; i < gen.length; i++) gen[i] = (float) (0.8 + 0.1 * r.nextGaussian());
        for (int i = 0; i < imp.length; i++) imp[i] = (float) (0.15 * r.nextGaussian());
        List<io.unveil.recognize.calibrate.ConditionCalibration.FarPoint> curve =
                Calibration.curve(new Calibration.Scores(gen, imp, null), 1e-3);
        // 50,000 impostor scores: 10 accepted at FAR 2e-4, not at 1e-4 (it would need 100,000)
        assertEquals(List.of(1e-3, 5e-4, 2e-4), curve.stream().map(p -> p.far()).toList());
        assertEquals(Calibration.pick(new Calibration.Scores(gen, imp, null), 1e-3).threshold(), curve.get(0).threshold());
        for (int k = 1; k < curve.size(); k++) {
            assertTrue(curve.get(k).threshold() > curve.get(k - 1).threshold(), "stricter at a lower FAR");
            assertTrue(curve.get(k).tar() <= curve.get(k - 1).tar());
            long accepted = 0;
            for (float v : imp) if (v >= curve.get(k).threshold()) accepted++;
            assertTrue(accepted <= Math.floor(curve.get(k).far() * imp.length), "FAR " + curve.get(k).far() + ": " + accepted);
        }
    }

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

    @Test
    void eachProbeConditionGetsItsOwnThresholdAtTheSameFar() {
        Random r = new Random(7);
        Map<String, List<float[]>> plain = new LinkedHashMap<>(), occluded = new LinkedHashMap<>();
        float[] mask = new float[32];
        for (int k = 0; k < 32; k++) mask[k] = (float) r.nextGaussian();
        for (int i = 0; i < 60; i++) {
            float[] base = new float[32];
            for (int k = 0; k < 32; k++) base[k] = (float) r.nextGaussian();
            List<float[]> p = new ArrayList<>(), o = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                float[] e = base.clone(), m = new float[32];
                for (int k = 0; k < 32; k++) {
                    e[k] += 0.5f * (float) r.nextGaussian();
                    // an occluded probe: the identity half hidden behind a component every masked face shares
                    m[k] = 0.5f * e[k] + 1.2f * mask[k] + 0.4f * (float) r.nextGaussian();
                }
                p.add(e);
                o.add(j == 2 ? null : m);
            }
            plain.put("p" + i, p);
            occluded.put("p" + i, o);
        }
        Calibration.Scores ps = Calibration.scores(plain);
        Calibration.Scores os = Calibration.scores(plain, occluded, ps.center());
        assertEquals(60 * 4, os.genuine().length, "a null probe is skipped");
        assertEquals(60 * 4 * 59, os.impostor().length);
        CalibrationResult pr = Calibration.pick(ps, 1e-3), or = Calibration.pick(os, 1e-3);
        for (var c : List.of(new Object[]{os, or}, new Object[]{ps, pr})) {
            Calibration.Scores s = (Calibration.Scores) c[0];
            CalibrationResult res = (CalibrationResult) c[1];
            long accepted = 0;
            for (float v : s.impostor()) if (v >= res.threshold()) accepted++;
            assertTrue(accepted <= Math.floor(1e-3 * s.impostor().length), "the same FAR in each condition: " + accepted);
        }
        assertTrue(or.threshold() != pr.threshold(), "occluded probes have their own score distribution");
        assertTrue(or.genuineMedian() < pr.genuineMedian(), "occlusion costs genuine similarity");

        // two probe groups (e.g. masks and sunglasses against their own centroids) as one score set
        Calibration.Scores both = Calibration.concat(List.of(ps, os));
        assertEquals(ps.genuine().length + os.genuine().length, both.genuine().length);
        assertEquals(ps.impostor().length + os.impostor().length, both.impostor().length);
    }

    @Test
    void perConditionThresholdsRoundTripAndFallBackForOldFiles(@TempDir Path dir) throws Exception {
        CalibrationResult r = new CalibrationResult(0.55f, 1e-3, 9e-4, 0.1, 10, 100, 0.8f, 0.1f, 0.5f, "d", "m", 1L, null)
                .withConditions("faceapi", Map.of("plain", new io.unveil.recognize.calibrate.ConditionCalibration(0.55f, 9e-4, 0.1, 10, 100, 0.8f, 0.1f, "p"),
                        "occluded", new io.unveil.recognize.calibrate.ConditionCalibration(0.45f, 9e-4, 0.3, 10, 100, 0.6f, 0.1f, "o")));
        Path f = dir.resolve("calibration.json");
        r.write(f);
        CalibrationResult back = CalibrationResult.read(f);
        assertEquals("faceapi", back.model());
        assertEquals(0.45f, back.thresholds().occluded());
        assertEquals(0.55f, back.thresholds().repaired(), "an uncalibrated condition falls back to the plain threshold");
        assertTrue(Float.isNaN(back.thresholds().occludedMatched()));
        assertTrue(!Files.readString(f).contains("\"thresholds\""), "derived thresholds are not written twice");
    }
}
