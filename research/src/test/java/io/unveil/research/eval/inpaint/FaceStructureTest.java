package io.unveil.research.eval.inpaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import org.junit.jupiter.api.Test;

/** The structure metric against hand-computed values, and the white fill it is compared with. */
class FaceStructureTest {
    /** 68 points: eyes 36-41 at (40, 50), 42-47 at (80, 50) (IOD 40), every other point at (60, 100). */
    private static float[] points() {
        float[] p = new float[136];
        for (int k = 0; k < 68; k++) {
            p[2 * k] = k >= 36 && k <= 41 ? 40 : k >= 42 && k <= 47 ? 80 : 60;
            p[2 * k + 1] = k >= 36 && k <= 47 ? 50 : 100;
        }
        return p;
    }

    private static boolean[] lowerHalfHole() {
        boolean[] h = new boolean[128 * 128];
        for (int y = 64; y < 128; y++)
            for (int x = 0; x < 128; x++) h[y * 128 + x] = true;
        return h;
    }

    @Test
    void meanDistanceOfTheJawNoseAndMouthPointsInTheHoleOverTheInterOcularDistance() {
        float[] truth = points(), rep = points();
        rep[2 * 8 + 1] += 8;   // chin: 8 px
        rep[2 * 30] += 6;      // nose tip: 6 px
        rep[2 * 60 + 1] -= 10; // mouth: 10 px
        rep[2 * 20 + 1] += 30; // a brow point: not scored
        // scored points: jaw 0-16 (17), nose 27-35 (9), mouth 48-67 (20) = 46, all at y = 100, inside the hole
        assertEquals((8 + 6 + 10) / 46.0 / 40.0, FaceStructure.error(truth, rep, lowerHalfHole(), 128, 128), 1e-12);
    }

    @Test
    void aHoleWithoutScoredPointsHasNoValueAndPointsOutsideTheHoleDoNotCount() {
        float[] truth = points(), rep = points();
        rep[2 * 8 + 1] += 8;
        assertTrue(Double.isNaN(FaceStructure.error(truth, rep, new boolean[128 * 128], 128, 128)));
        boolean[] rightOnly = new boolean[128 * 128];
        rightOnly[100 * 128 + 60] = true; // every scored point sits on this one pixel
        assertEquals(8 / 46.0 / 40.0, FaceStructure.error(truth, rep, rightOnly, 128, 128), 1e-12);
    }

    @Test
    void theWhiteFillPaintsTheHoleWhiteAndNothingElse() {
        byte[] d = new byte[128 * 128 * 3];
        java.util.Arrays.fill(d, (byte) 40);
        boolean[] hole = lowerHalfHole();
        RgbImage out = BaselineMethods.white().repair(null, new Occluded(new RgbImage(128, 128, d), hole));
        assertEquals(-1, out.data()[(100 * 128 + 3) * 3]);
        assertEquals(40, out.data()[(10 * 128 + 3) * 3 + 2]);
        assertEquals(MethodSpecs.WHITE, BaselineMethods.white().name());
    }

    @Test
    void theStructureSampleTakesEveryIdentitysFirstFaceBeforeAnySecond() {
        RgbImage img = new RgbImage(1, 1, new byte[3]);
        java.util.List<EvalFace> faces = java.util.List.of(new EvalFace("b", null, img, null), new EvalFace("a", null, img, null),
                new EvalFace("b", null, img, null), new EvalFace("c", null, img, null), new EvalFace("b", null, img, null));
        assertEquals(java.util.List.of(1, 0, 3, 2), StructureEvaluation.sample(faces, 4));
        assertEquals(java.util.List.of(1, 0, 3, 2, 4), StructureEvaluation.sample(faces, 10));
    }
}
