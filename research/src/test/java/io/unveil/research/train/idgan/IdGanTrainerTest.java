package io.unveil.research.train.idgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.idgan.nn.Ops;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.train.parsing.ParsingNet;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full training step (G + both critics + S + R with the diversity loss) on tiny synthetic data. */
class IdGanTrainerTest {
    @TempDir
    Path dir;

    /** A cheap differentiable stand-in for R: R_l = 4x4-pooled image, R_h = per-channel means. */
    static final class FakeR implements IdentityNet {
        @Override
        public Features features(NDArray faces) {
            NDArray low = Ops.downsample2x(Ops.downsample2x(faces));
            NDArray high = faces.reshape(faces.getShape().get(0), 3, -1).mean(new int[] {2});
            return new Features(low, high);
        }

        @Override
        public String name() {
            return "fake";
        }
    }

    static List<TrainingFace> faces(String dataset) {
        Random r = new Random(3);
        List<TrainingFace> out = new ArrayList<>();
        int train = 0, val = 0;
        for (int id = 0; train < 2 || val < 1; id++) {
            String name = "person" + id;
            boolean isTrain = IdentitySplit.isTrain(dataset, name);
            if (isTrain) train++;
            else val++;
            for (int k = 0; k < 2; k++) {
                byte[] d = new byte[128 * 128 * 3];
                int base = r.nextInt(200);
                for (int i = 0; i < d.length; i++) d[i] = (byte) (base + (i % 384) / 8);
                out.add(new TrainingFace(new RgbImage(128, 128, d), null, name, name + "-" + k));
            }
        }
        return out;
    }

    /** Options of a tiny run (width 4, batch 2) into {@code dir/run} with a fresh parsing net. */
    private IdGanOptions tiny(String run) throws Exception {
        Path parsing = dir.resolve(run + "-parsing.bin");
        try (NDManager m = NDManager.newBaseManager(); OutputStream out = Files.newOutputStream(parsing)) {
            new ParsingNet(m, ParsingNet.WIDTH, 1).params().save(out);
        }
        IdGanOptions o = new IdGanOptions();
        o.dataset = "synthetic";
        o.out = dir.resolve(run);
        o.batch = 2;
        o.width = 4;
        o.criticWidth = 4;
        o.parsingWeights = parsing;
        return o;
    }

    @Test
    void trainsResumesAndWritesCurveGridAndWeights() throws Exception {
        IdGanOptions o = tiny("run");
        o.steps = 2;
        o.gridEvery = 1;
        o.checkpointEvery = 1;
        o.validateEvery = 1;
        o.keepSnapshots = true;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<TrainingFace> data = faces(o.dataset);
        IdGanTrainer.Result r = new IdGanTrainer(o, m -> new FakeR(), null, quiet).run(data);
        assertEquals(2, r.steps());
        assertEquals(0, r.skipped());
        assertTrue(Double.isFinite(r.validationPsnrHole()));
        List<String> csv = Files.readAllLines(o.out.resolve("losses.csv"));
        assertEquals(3, csv.size());
        String[] row = csv.get(1).split(",");
        assertTrue(Double.parseDouble(row[2]) > 0, "L_I");
        assertNotEquals(0.0, Double.parseDouble(row[5]), "L_S is in the loop");
        assertNotEquals(0.0, Double.parseDouble(row[6]), "L_R is in the loop");
        assertTrue(Files.size(o.out.resolve("grid-000001.png")) > 0);
        byte[] first = Files.readAllBytes(r.generator());

        o.steps = 3; // resume from the checkpoint at step 2
        IdGanTrainer.Result again = new IdGanTrainer(o, m -> new FakeR(), null, quiet).run(data);
        assertEquals(3, again.steps());
        assertEquals(4, Files.readAllLines(o.out.resolve("losses.csv")).size());
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(again.generator())), "weights moved");
        for (int step = 1; step <= 3; step++)
            assertTrue(Files.size(IdGanTrainer.snapshot(o.out, step)) > 0, "snapshot of checkpoint " + step);
        assertArrayEquals(Files.readAllBytes(again.generator()), Files.readAllBytes(IdGanTrainer.snapshot(o.out, 3)),
                "the last snapshot is the final generator");

        try (Inpainter in = Inpainter.load(again.generator(), "cpu")) {
            RgbImage face = data.get(0).face();
            float[] mask = Masks.randomBlock(new Random(1), 128, 48);
            RgbImage rep = in.repair(List.of(face), List.of(mask)).get(0);
            for (int i = 0; i < mask.length; i++)
                if (mask[i] == 0) assertEquals(face.data()[i * 3], rep.data()[i * 3], "known pixels unchanged");
        }
    }

    @Test
    void aPriorInputRunStartsFromAPlainFileAndWritesAGeneratorTheServingSideLoadsWithThePrior() throws Exception {
        Path plain = dir.resolve("plain.bin");
        try (NDManager m = NDManager.newBaseManager(); OutputStream g = Files.newOutputStream(plain)) {
            new io.unveil.inpaint.idgan.Generator(m, 4, 5).params().save(g);
        }
        IdGanOptions o = tiny("run-prior");
        o.steps = 1;
        o.prior = true;
        o.initFrom = plain;
        o.gridEvery = 0;
        List<TrainingFace> data = faces(o.dataset);
        IdGanTrainer.Result r = new IdGanTrainer(o, m -> new FakeR(), null, new PrintStream(OutputStream.nullOutputStream())).run(data);
        assertEquals(1, r.steps());
        byte[] file = Files.readAllBytes(r.generator());
        assertTrue(io.unveil.inpaint.idgan.Generator.header(file).prior(), "7 inputs: X~, M and the prior-filled face");
        try (Inpainter in = Inpainter.load(r.generator(), "cpu")) {
            assertTrue(in.model().contains("pca-prior"), in.model());
            RgbImage face = data.get(0).face();
            float[] mask = Masks.randomBlock(new Random(2), 128, 48);
            RgbImage rep = in.repair(List.of(face), List.of(mask)).get(0);
            for (int i = 0; i < mask.length; i++)
                if (mask[i] == 0) assertEquals(face.data()[i * 3], rep.data()[i * 3], "known pixels unchanged");
        }
    }

    @Test
    void identityLossWithoutRecognizerIsRefused() {
        IdGanOptions o = new IdGanOptions();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new IdGanTrainer(o, null, null, System.err));
    }

}
