package io.unveil.research.eval.idgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.recognize.Embedder;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.train.idgan.TrainingFace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Which faces of a pair carry the block. Identities are flat grey levels 10 apart and the stand-in recognizer sees
 * only the mean grey: a 48x48 white block lifts a face by 14% of its distance to white (12-22 levels). With the block
 * on both faces, a same-identity pair moves together and stays closer than any different pair; with it on the second
 * face only, the lift is larger than the gap between identities, so the occluded row must lose accuracy (the
 * thresholds are cross-validated over two folds, so neither protocol is exact).
 */
class IdGanEvaluatorTest {
    private static final String DATASET = "evaluator-test";

    @Test
    void blockOnOneFaceComparesTheUnoccludedFirstFaceWithTheRepairedSecond() throws Exception {
        List<TrainingFace> faces = faces();
        try (Inpainter inpainter = Inpainter.load("cpu"); Embedder meanGrey = new MeanGrey()) {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            IdGanEvaluator.Report both = IdGanEvaluator.run(faces, DATASET, List.of(inpainter), meanGrey, 40, 2, 10, 3,
                    true, null, quiet);
            IdGanEvaluator.Report one = IdGanEvaluator.run(faces, DATASET, List.of(inpainter), meanGrey, 40, 2, 10, 3,
                    false, null, quiet);
            assertEquals(1.0, both.rows().get(0).accuracy(), 1e-9, "GT");
            assertEquals(1.0, one.rows().get(0).accuracy(), 1e-9, "GT does not depend on the protocol");
            double occBoth = both.rows().get(1).accuracy(), occOne = one.rows().get(1).accuracy();
            assertTrue(occBoth > 0.95, "OCC, block on both faces: pairs move together, " + occBoth);
            assertTrue(occOne < occBoth - 0.15, "OCC, block on the second face only: " + occOne + " vs " + occBoth);
            assertTrue(both.markdown().contains("block on both faces of a pair"), both.markdown());
            assertTrue(one.markdown().contains("block on the second face of a pair"), one.markdown());
            assertTrue(one.markdown().contains("verification accuracy (2-fold)") && one.markdown().contains("in 2 folds"), one.markdown());
            // the bootstrap's GT row is the drop, pooled over the same pairs as OCC's
            var drop = one.rows().get(0).vsOcc().difference();
            assertEquals(one.rows().get(0).vsOcc().accuracy() - one.rows().get(1).vsOcc().accuracy(), drop.estimate(), 1e-12);
            assertTrue(drop.estimate() > 0.15 && drop.low() >= 0 && drop.low() <= drop.estimate() && drop.estimate() <= drop.high(), drop.toString());
            assertTrue(one.markdown().contains("paired bootstrap over the 8 identities"), one.markdown());
        }
    }

    /** 8 VALIDATION identities of 5 faces each, flat grey 100, 110, ... with +-1 of noise. */
    private static List<TrainingFace> faces() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < 8; i++)
            if (IdentitySplit.of(DATASET, "id-" + i) == IdentitySplit.Part.VALIDATION) ids.add("id-" + i);
        Random rnd = new Random(1);
        List<TrainingFace> out = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++)
            for (int j = 0; j < 5; j++) {
                byte[] d = new byte[128 * 128 * 3];
                int grey = 100 + 10 * k + rnd.nextInt(3) - 1;
                Arrays.fill(d, (byte) grey);
                out.add(new TrainingFace(new RgbImage(128, 128, d), new float[136], ids.get(k), "synthetic"));
            }
        return out;
    }

    private static final class MeanGrey implements Embedder {
        @Override
        public float[][] embed(List<RgbImage> chips) {
            float[][] out = new float[chips.size()][];
            for (int c = 0; c < chips.size(); c++) {
                byte[] d = chips.get(c).data();
                double s = 0;
                for (byte b : d) s += b & 0xff;
                out[c] = new float[]{(float) (s / d.length)};
            }
            return out;
        }

        @Override
        public String modelVersion() {
            return "mean-grey";
        }

        @Override
        public void close() {
        }
    }
}
