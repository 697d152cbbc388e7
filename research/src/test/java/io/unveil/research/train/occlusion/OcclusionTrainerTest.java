package io.unveil.research.train.occlusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.serde.Json;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.data.TestFaces;
import io.unveil.research.occluders.MaskTextures;
import io.unveil.research.occluders.Occluders;
import io.unveil.research.occluders.PatchSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcclusionTrainerTest {
    @TempDir
    Path dir;

    private static List<AlignedFace> faces(int n, String prefix) {
        List<AlignedFace> out = new ArrayList<>();
        for (int i = 0; i < n; i++)
            out.add(new AlignedFace(TestFaces.synthetic(i), MeanFace.landmarks128(), prefix + i, prefix + i + ".png"));
        return out;
    }

    @Test
    void trainsCheckpointsResumesAndWritesLoadableWeights() throws Exception {
        Occluders occ = new Occluders(MaskTextures.none(), PatchSource.NONE);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        var opts = new OcclusionTrainer.Options(dir, 2, 2, 1e-3f, 1, 2, 1, 2, true, 1f);
        var r1 = new OcclusionTrainer(opts, new PrintStream(console)).run(faces(4, "t"), faces(2, "v"), occ);
        assertEquals(2, r1.steps());
        assertTrue(Files.exists(dir.resolve("checkpoint.bin")));
        assertTrue(Files.exists(dir.resolve("predictions-00002.png")));
        assertTrue(Files.exists(dir.resolve("metrics.json")));
        assertTrue(Double.isFinite(r1.finalLoss()));
        Map<?, ?> meta = Json.MAPPER.readValue(dir.resolve("checkpoint.json").toFile(), Map.class);
        assertEquals(2, ((Number) meta.get("step")).intValue());

        // resume to 3 steps: starts at 2
        var opts2 = new OcclusionTrainer.Options(dir, 3, 2, 1e-3f, 1, 10, 1, 2, true, 1f);
        ByteArrayOutputStream c2 = new ByteArrayOutputStream();
        new OcclusionTrainer(opts2, new PrintStream(c2)).run(faces(4, "t"), faces(2, "v"), occ);
        assertTrue(c2.toString().contains("resumed from"), c2.toString());
        assertEquals(3, ((Number) Json.MAPPER.readValue(dir.resolve("checkpoint.json").toFile(), Map.class).get("step")).intValue());

        try (OcclusionEstimator est = OcclusionEstimator.load(dir.resolve("occlusion-unet.bin"), OcclusionEstimator.Options.DEFAULT)) {
            var res = est.estimate(List.of(TestFaces.synthetic(1), TestFaces.synthetic(2)), List.of(MeanFace.landmarks128(), MeanFace.landmarks128()));
            assertEquals(2, res.size());
            assertEquals(128 * 128, res.get(0).probability().length);
            for (float p : res.get(0).probability()) assertTrue(p >= 0 && p <= 1);
        }
    }

    @Test
    void corruptWeightsAreRejected() throws Exception {
        Path bad = dir.resolve("bad.bin");
        Files.write(bad, new byte[]{1, 2, 3});
        try {
            OcclusionEstimator.load(bad, OcclusionEstimator.Options.DEFAULT).close();
            throw new AssertionError("loaded garbage");
        } catch (Exception e) {
            assertFalse(e.getMessage().isEmpty());
        }
    }
}
