package io.unveil.research.train.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The points file of `train landmarks --evaluate` and the NME computed from points. */
class LandmarkPointsTest {
    static float[] face(float dx) {
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) {
            lm[2 * i] = 10 + i + dx;
            lm[2 * i + 1] = 20;
        }
        // eyes 36-41 around x 40, 42-47 around x 60: inter-ocular distance 20
        for (int i = 36; i < 42; i++) lm[2 * i] = 40 + dx;
        for (int i = 42; i < 48; i++) lm[2 * i] = 60 + dx;
        return lm;
    }

    @Test
    void eachFaceIsOneRowOfConditionPredictedAndTruth(@TempDir Path dir) throws Exception {
        List<LandmarkValidation.Points> pts = List.of(new LandmarkValidation.Points("plain", face(0), face(0)),
                new LandmarkValidation.Points("medical_mask", face(2), face(0)));
        Path csv = dir.resolve("points-0.csv");
        LandmarkTrainer.writePoints(pts, csv);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(2, rows.size());
        String[] f = rows.get(1).split(",");
        assertEquals(1 + 136 + 136, f.length);
        assertEquals("medical_mask", f[0]);
        assertEquals(face(2)[0], Float.parseFloat(f[1]), 1e-2f);
        assertEquals(face(0)[0], Float.parseFloat(f[137]), 1e-2f);

        // every point 2 px off with an inter-ocular distance of 20: NME 0.1; the plain face is exact
        Map<String, Double> r = LandmarkValidation.measure(pts);
        assertEquals(0.0, r.get("plain"), 1e-9);
        assertEquals(0.1, r.get("medical_mask"), 1e-6);
    }
}
