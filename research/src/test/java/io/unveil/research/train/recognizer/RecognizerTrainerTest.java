package io.unveil.research.train.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.WeightFile;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.faceapi.RobustRecognizer;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.data.TestFaces;
import io.unveil.research.occluders.MaskTextures;
import io.unveil.research.occluders.OccluderType;
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

class RecognizerTrainerTest {
    @TempDir
    Path dir;

    private static List<AlignedFace> faces(int n, String prefix) {
        List<AlignedFace> out = new ArrayList<>();
        for (int i = 0; i < n; i++)
            out.add(new AlignedFace(TestFaces.synthetic(i), MeanFace.landmarks128(), prefix + (i / 2), prefix + i + ".png"));
        return out;
    }

    private static RecognizerTrainer.Options options(Path out, int steps) {
        return new RecognizerTrainer.Options(out, steps, 2, 1e-3f, 1, 2, 1, 4, true, 0.5f, 1f, "conv64_down",
                List.of("unused"));
    }

    @Test
    void trainsTheTopOnlyResumesAndWritesADeltaTheRobustLoaderReproduces() throws Exception {
        Occluders occ = new Occluders(MaskTextures.none(), PatchSource.NONE);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new RecognizerTrainer(options(dir, 2), new PrintStream(console)).run(faces(4, "t"), faces(4, "v"), occ);
        assertTrue(console.toString().contains("step 0 (face-api itself)"), console.toString());
        List<String> loss = Files.readAllLines(dir.resolve("loss.csv"));
        assertEquals(3, loss.size(), "header + one row per step: " + loss);
        List<String> val = Files.readAllLines(dir.resolve("validation.csv"));
        assertEquals(1 + 2 * (1 + RecognizerValidation.TYPES.length), val.size(), "steps 0 and 2, every condition: " + val);
        assertTrue(Files.exists(dir.resolve("teacher.bin")));

        // the frozen stem has no tensor in the delta; the trained blocks do, and they moved
        List<WeightFile.Tensor> delta = WeightFile.read(dir.resolve("delta-00002.bin"));
        assertFalse(delta.isEmpty());
        assertTrue(delta.stream().noneMatch(t -> t.name().contains("conv32")), "stem and conv32 stage stay face-api's");
        assertTrue(delta.stream().anyMatch(t -> t.name().contains("fc")));
        double moved = 0;
        for (WeightFile.Tensor t : delta) for (float v : t.values()) moved += Math.abs(v);
        assertTrue(moved > 0, "the trained blocks changed");

        // resume: starts at step 2, no second step-0 validation
        ByteArrayOutputStream c2 = new ByteArrayOutputStream();
        new RecognizerTrainer(options(dir, 3), new PrintStream(c2)).run(faces(4, "t"), faces(4, "v"), occ);
        assertTrue(c2.toString().contains("resumed from"), c2.toString());
        assertFalse(c2.toString().contains("step 0 (face-api itself)"));
        assertEquals(3, ((Number) io.unveil.core.serde.Json.MAPPER.readValue(dir.resolve("checkpoint.json").toFile(), Map.class)
                .get("step")).intValue());

        // the robust loader = face-api + delta: a different recognizer, still 128-D and finite
        RgbImage face = TestFaces.synthetic(1);
        try (FaceApiEmbedder base = FaceApiEmbedder.load();
             FaceApiEmbedder robust = RobustRecognizer.load(dir.resolve("delta-00003.bin"))) {
            float[] a = base.embed(face), b = robust.embed(face);
            assertEquals(128, b.length);
            double d = 0;
            for (int i = 0; i < a.length; i++) {
                assertTrue(Float.isFinite(b[i]));
                d += (a[i] - b[i]) * (a[i] - b[i]);
            }
            assertNotEquals(0.0, d);
            assertTrue(robust.modelVersion().startsWith("delta-00003.bin sha256:"), robust.modelVersion());
        }
    }

    @Test
    void batchesAreReproducibleMirroredAndHonourTheCleanShare() {
        Occluders occ = new Occluders(MaskTextures.none(), PatchSource.NONE);
        StudentBatches b = new StudentBatches(faces(4, "t"), occ, RecognizerTrainer.MIX, 0.25f);
        StudentBatches.Batch x = b.make(64, 5), y = b.make(64, 5);
        assertEquals(java.util.Arrays.toString(x.face()), java.util.Arrays.toString(y.face()));
        assertTrue(java.util.Arrays.equals(x.inputs(), y.inputs()));
        int clean = 0, flipped = 0;
        for (int i = 0; i < 64; i++) {
            if (x.clean()[i]) clean++;
            if (x.flipped()[i]) flipped++;
        }
        assertTrue(clean > 4 && clean < 32, "about a quarter clean: " + clean);
        assertTrue(flipped > 16 && flipped < 48, "about half mirrored: " + flipped);
        RgbImage f = TestFaces.synthetic(3);
        assertTrue(java.util.Arrays.equals(f.data(), Images.mirror(Images.mirror(f)).data()));
        assertFalse(java.util.Arrays.equals(f.data(), Images.mirror(f).data()));
        assertTrue(RecognizerTrainer.MIX.containsKey(OccluderType.MEDICAL_MASK));
    }

    @Test
    void reAlignedFacesTakeTheirShareOfTheOccludedSamplesWithTheirCleanPhotosTarget() {
        Occluders occ = new Occluders(MaskTextures.none(), PatchSource.NONE);
        List<AlignedFace> train = new ArrayList<>(faces(4, "t"));
        train.addAll(faces(2, "p")); // the pool's clean faces, appended at offset 4
        RgbImage p0 = TestFaces.synthetic(20), p1 = TestFaces.synthetic(21);
        List<RealignedFaces.Probe> probes = List.of(new RealignedFaces.Probe(p0, 0, OccluderType.MEDICAL_MASK),
                new RealignedFaces.Probe(p1, 1, OccluderType.HAND));
        StudentBatches b = new StudentBatches(train, occ, RecognizerTrainer.MIX, 0.25f, probes, 4, 1f);
        StudentBatches.Batch x = b.make(64, 9);
        int per = 3 * io.unveil.recognize.faceapi.FaceApiPreprocessor.PLANE;
        float[] expected = new float[per];
        int occluded = 0;
        for (int i = 0; i < 64; i++) {
            if (x.clean()[i]) {
                assertTrue(x.face()[i] < train.size());
                continue;
            }
            occluded++;
            int f = x.face()[i];
            assertTrue(f == 4 || f == 5, "every occluded sample is a re-aligned face, target its clean photo: " + f);
            RgbImage img = f == 4 ? p0 : p1;
            io.unveil.recognize.faceapi.FaceApiPreprocessor.toInput(x.flipped()[i] ? Images.mirror(img) : img, expected, 0);
            assertTrue(java.util.Arrays.equals(expected, java.util.Arrays.copyOfRange(x.inputs(), i * per, (i + 1) * per)),
                    "sample " + i + " is the re-aligned face itself (mirrored alike)");
        }
        assertTrue(occluded > 30, "about three quarters occluded: " + occluded);
        // share 0: the pool is ignored, the old batches come back
        StudentBatches none = new StudentBatches(train, occ, RecognizerTrainer.MIX, 0.25f, probes, 4, 0f);
        for (int f : none.make(64, 9).face()) assertTrue(f < train.size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new StudentBatches(faces(4, "t"), occ, RecognizerTrainer.MIX, 0.25f, probes, 4, 1f),
                "a probe whose clean face is not in the list is refused");
    }

    @Test
    void validationReportsTheReAlignedConditionsAgainstTheCleanFacesOfTheirPhotos() throws Exception {
        Occluders occ = new Occluders(MaskTextures.none(), PatchSource.NONE);
        List<AlignedFace> valClean = faces(4, "v");
        RealignedFaces.Pool valPool = new RealignedFaces.Pool(valClean, List.of(
                new RealignedFaces.Probe(TestFaces.synthetic(30), 0, OccluderType.MEDICAL_MASK),
                new RealignedFaces.Probe(TestFaces.synthetic(31), 3, OccluderType.MEDICAL_MASK),
                new RealignedFaces.Probe(TestFaces.synthetic(32), 2, OccluderType.HAND)));
        RealignedFaces.Pool trainPool = new RealignedFaces.Pool(faces(2, "p"), List.of(
                new RealignedFaces.Probe(TestFaces.synthetic(40), 1, OccluderType.CLOTH_MASK)));
        new RecognizerTrainer(options(dir, 1), new PrintStream(new ByteArrayOutputStream()))
                .run(faces(4, "t"), List.of(), occ, trainPool, valPool);
        List<String> val = Files.readAllLines(dir.resolve("validation.csv"));
        assertTrue(val.stream().anyMatch(l -> l.startsWith("0,medical_mask_live,")), String.join("\n", val));
        assertTrue(val.stream().anyMatch(l -> l.startsWith("1,hand_live,")), String.join("\n", val));
        assertFalse(val.stream().anyMatch(l -> l.contains("cloth_mask_live")), "no validation probe of that kind");
    }

    @Test
    void refusesAReAlignedShareOutsideZeroToOneAndANegativeCount() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RecognizerTrainer.Options(
                dir, 1, 2, 1e-3f, 1, 2, 1, 4, true, 0.5f, 1f, "conv64_down", List.of("unused"), null, 6, 1.5f, "faceapi"));
        assertTrue(e.getMessage().contains("--realigned-share"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RecognizerTrainer.Options(
                dir, 1, 2, 1e-3f, 1, 2, 1, 4, true, 0.5f, 1f, "conv64_down", List.of("unused"), null, -1, 0.5f, "faceapi"));
        assertTrue(e.getMessage().contains("--realigned-per-identity"), e.getMessage());
    }

    @Test
    void theCentroidPullMovesOccludedTargetsTowardsTheIdentitysMeanTeacherDescriptor() {
        RgbImage img = new RgbImage(2, 2, new byte[12]);
        List<AlignedFace> faces = List.of(new AlignedFace(img, new float[0], "a", "1"), new AlignedFace(img, new float[0], "a", "2"),
                new AlignedFace(img, new float[0], "b", "3"));
        float[][][] teacher = {{{1f, 0f}, {0f, 1f}}, {{3f, 0f}, {0f, 3f}}, {{5f, 5f}, {5f, 5f}}};
        org.junit.jupiter.api.Assertions.assertSame(teacher, TeacherTargets.pulledToCentroids(teacher, faces, 0f));
        float[][][] half = TeacherTargets.pulledToCentroids(teacher, faces, 0.5f);
        // identity a's centroid: (2, 0) plain, (0, 2) mirrored; b is alone, its own centroid
        assertEquals(1.5f, half[0][0][0], 1e-6f);
        assertEquals(2.5f, half[1][0][0], 1e-6f);
        assertEquals(1.5f, half[0][1][1], 1e-6f);
        assertEquals(5f, half[2][0][0], 1e-6f);
        assertEquals(1f, teacher[0][0][0], 0f, "the teacher's descriptors (the clean targets) are not changed");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RecognizerTrainer.Options(
                Path.of("x"), 1, 1, 1e-3f, 1, 1, 1, 1, false, 0.5f, 1f, "conv64_down", List.of("celeba-subset"), null, 0, 0.5f,
                "faceapi", 1.5f));
    }

    @Test
    void theContrastiveTermAddsToTheLossAndTrains(@org.junit.jupiter.api.io.TempDir Path other) throws Exception {
        Occluders occ = new Occluders(MaskTextures.none(), PatchSource.NONE);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RecognizerTrainer.Options with = new RecognizerTrainer.Options(other, 2, 2, 1e-3f, 1, 2, 1, 4, true, 0f, 1f, "conv64_down",
                List.of("unused"), null, 0, 0.5f, "faceapi", 0f, 1f, 0.1f);
        new RecognizerTrainer(with, new PrintStream(console)).run(faces(6, "t"), faces(4, "v"), occ);
        assertTrue(console.toString().contains("contrast "), "the progress line shows the term: " + console);
        List<String> loss = Files.readAllLines(other.resolve("loss.csv"));
        // all-occluded batches (clean share 0): the loss is the squared distance plus the term, so above the distance
        for (String row : loss.subList(1, loss.size())) {
            String[] f = row.split(",");
            assertTrue(Float.parseFloat(f[1]) > Float.parseFloat(f[2]) + 1e-3f, row);
        }
        assertTrue(Files.exists(other.resolve("delta-00002.bin")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RecognizerTrainer.Options(other, 1, 1,
                1e-3f, 1, 1, 1, 1, false, 0.5f, 1f, "conv64_down", List.of("unused"), null, 0, 0.5f, "faceapi", 0f, -1f, 0.1f));
    }

    @Test
    void excludedIdentitiesAreLeftOutOfTraining() {
        List<AlignedFace> f = faces(6, "t"); // identities t0, t1, t2, two faces each
        List<AlignedFace> kept = RecognizerTrainer.without(f, java.util.Set.of("t1", "nobody"));
        assertEquals(4, kept.size());
        assertTrue(kept.stream().noneMatch(x -> x.identity().equals("t1")));
        assertEquals(f, RecognizerTrainer.without(f, java.util.Set.of()));
    }
}
