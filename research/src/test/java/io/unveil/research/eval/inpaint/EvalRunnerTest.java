package io.unveil.research.eval.inpaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.serde.Json;
import io.unveil.research.data.IdentitySplit;
import io.unveil.recognize.Embedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a synthetic folder-per-identity set with a block-mean "recognizer" (tests only). */
class EvalRunnerTest {
    @TempDir
    static Path dir;

    /** 20 identities x 4 images: a smooth per-identity pattern plus per-image noise, already "aligned". */
    @BeforeAll
    static void makeSet() throws Exception {
        Random r = new Random(42);
        for (int id = 0; id < 20; id++) {
            double[] f = {0.05 + r.nextDouble() * 0.03, 0.05 + r.nextDouble() * 0.03, r.nextDouble() * 2, r.nextDouble() * 2};
            int[] base = {r.nextInt(120), r.nextInt(120), r.nextInt(120)};
            Path d = Files.createDirectories(dir.resolve("data/person" + id));
            for (int k = 0; k < 4; k++) {
                byte[] px = new byte[128 * 128 * 3];
                for (int y = 0; y < 128; y++)
                    for (int x = 0; x < 128; x++)
                        for (int c = 0; c < 3; c++) {
                            double v = base[c] + 60 * Math.sin(f[0] * x + f[2] + c) + 60 * Math.cos(f[1] * y + f[3]) + r.nextGaussian() * 30;
                            px[(y * 128 + x) * 3 + c] = (byte) Math.max(0, Math.min(255, (int) v));
                        }
                Files.write(d.resolve("img" + k + ".png"), Images.encodePng(new RgbImage(128, 128, px)));
            }
        }
    }

    /** 12x12 block means of the chip: a crude but identity-revealing descriptor, hurt by a white block. */
    static final class BlockMeans implements Embedder {
        @Override
        public float[][] embed(List<RgbImage> chips) {
            float[][] out = new float[chips.size()][];
            for (int i = 0; i < chips.size(); i++) {
                RgbImage c = chips.get(i);
                int g = 6, bw = c.width() / g;
                float[] e = new float[g * g * 3];
                for (int by = 0; by < g; by++)
                    for (int bx = 0; bx < g; bx++)
                        for (int y = by * bw; y < (by + 1) * bw; y++)
                            for (int x = bx * bw; x < (bx + 1) * bw; x++)
                                for (int ch = 0; ch < 3; ch++) e[(by * g + bx) * 3 + ch] += (c.data()[(y * c.width() + x) * 3 + ch] & 0xff) / (255f * bw * bw);
                out[i] = e;
            }
            return out;
        }

        @Override
        public String modelVersion() {
            return "test-block-means";
        }

        @Override
        public void close() {
        }
    }

    private EvalOptions options(Path out, OcclusionProtocol occ, boolean both) {
        return options(out, List.of(occ), both, 10);
    }

    private EvalOptions options(Path out, List<OcclusionProtocol> occ, boolean both, int folds) {
        return new EvalOptions(dir.resolve("data"), "synthetic", null, IdentitySplit.Subset.ALL, folds, 120 / folds, 7, occ, both, 2, 4, 4,
                out, List.of(), 500, false);
    }

    @Test
    void fullRunWritesTheReportAndOrdersTheMethods() throws Exception {
        Path out = dir.resolve("report");
        EvalRunner runner = new EvalRunner(new PreAlignedLoader(), new BlockMeans(), ProgressBar.silent());
        List<RepairMethod> methods = List.of(BaselineMethods.groundTruth(), BaselineMethods.occluded(),
                new OpenCvInpaint(OpenCvInpaint.Algorithm.TELEA, 3), new OpenCvInpaint(OpenCvInpaint.Algorithm.NS, 3));
        EvalResult r = runner.run(options(out, LibraryOcclusion.randomBlock(), false), methods, List.of());
        ReportWriter.write(r, out);

        assertEquals(120, r.pairs());
        assertEquals(60, r.samePairs());
        assertTrue(r.identityDisjoint());
        assertEquals(0, r.failures().size());
        MethodResult gt = r.methods().get(0), occ = r.methods().get(1), telea = r.methods().get(2);
        assertTrue(gt.accuracy() > 0.95, "GT " + gt.accuracy());
        assertTrue(occ.accuracy() < gt.accuracy(), "OCC " + occ.accuracy() + " GT " + gt.accuracy());
        assertTrue(telea.psnrHole() > occ.psnrHole(), "Telea repairs the hole better than white");
        assertTrue(occ.rank1() < gt.rank1(), "occlusion hurts identification");
        assertTrue(Double.isNaN(gt.psnr()) && Double.isNaN(occ.recoveredShare()) && !Double.isNaN(telea.recoveredShare()));
        for (String f : new String[]{"report.md", "results.json", "accuracy.png", "roc.png", "tsne.png", "samples.png"})
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        JsonNode j = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        JsonNode t = j.get("methods").get("Telea");
        for (String k : new String[]{"accuracy", "accuracy_std", "tar_at_far_1e-3", "psnr", "ssim", "recovered_share"})
            assertTrue(t.has(k), k);
        assertEquals(120, j.get("pairs").get("total").asInt());
        assertEquals(0, j.get("detection_failures").get("count").asInt());
        RgbImage samples = Images.read(out.resolve("samples.png"));
        assertEquals(4 * 132 + 4, samples.width());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| Telea |") && md.contains("| NS |"));
        assertTrue(md.contains("## Verification (10-fold"), md);
        assertEquals(10, r.folds());
        // GT's difference to OCC is the occlusion drop, with an interval from the bootstrap over the 20 identities
        assertEquals("identity", r.bootstrapUnit());
        assertEquals(20, r.bootstrapUnits());
        var drop = gt.vsOcc().difference();
        assertEquals(gt.vsOcc().accuracy() - occ.vsOcc().accuracy(), drop.estimate(), 1e-12);
        assertTrue(drop.estimate() > 0 && drop.low() <= drop.estimate() && drop.estimate() <= drop.high(), drop.toString());
        assertEquals(0.0, occ.vsOcc().difference().high(), 0.0, "OCC minus itself is 0 in every replicate");
        assertTrue(t.get("vs_occ").get("recovered_share").has("low"));
    }

    @Test
    void reportStatesTheRealFoldCountAndScoresEveryMethodAndOcclusionOnTheSamePairs() throws Exception {
        Path out = dir.resolve("report-2");
        EvalRunner runner = new EvalRunner(new PreAlignedLoader(), new BlockMeans(), ProgressBar.silent());
        List<RepairMethod> methods = List.of(BaselineMethods.groundTruth(), BaselineMethods.occluded(),
                new OpenCvInpaint(OpenCvInpaint.Algorithm.TELEA, 3));
        EvalResult r = runner.run(options(out, List.of(LibraryOcclusion.randomBlock(), LibraryOcclusion.centerBlock()), false, 2),
                methods, List.of());
        ReportWriter.write(r, out);
        assertEquals(2, r.folds());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Verification (2-fold, threshold chosen on the other folds)"), md);
        assertFalse(md.contains("10-fold"), md);
        assertEquals(List.of("block-random-48", "block-center-48"), r.occlusions().stream().map(OcclusionColumn::occlusion).toList());
        assertTrue(md.contains("## Occlusion types side by side"), md);
        for (MethodResult m : r.methods()) assertEquals(r.pairsFingerprint(), m.pairsFingerprint(), m.name());
        for (OcclusionColumn c : r.occlusions()) {
            assertEquals(r.pairsFingerprint(), c.pairsFingerprint(), c.occlusion());
            assertEquals(List.of("GT", "OCC", "Telea"), c.methods());
            assertEquals(r.methods().get(0).accuracy(), c.accuracy()[0], 1e-12, "GT does not depend on the occlusion");
        }
        // the first column is the full report's verification, the second a different occlusion of the same pairs
        assertEquals(r.methods().get(1).accuracy(), r.occlusions().get(0).accuracy()[1], 1e-12);
        JsonNode j = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        assertEquals(2, j.get("protocol").get("folds").asInt());
        assertEquals(2, j.get("occlusions").size());
    }

    @Test
    void everyOcclusionTypeGetsItsImageQualityAndAGridOfTheSameFaces() throws Exception {
        Path out = dir.resolve("report-3");
        EvalRunner runner = new EvalRunner(new PreAlignedLoader(), new BlockMeans(), ProgressBar.silent());
        List<RepairMethod> methods = List.of(BaselineMethods.groundTruth(), BaselineMethods.occluded(),
                new OpenCvInpaint(OpenCvInpaint.Algorithm.TELEA, 3));
        EvalOptions base = options(out, List.of(LibraryOcclusion.randomBlock(), LibraryOcclusion.centerBlock()), false, 2);
        EvalOptions o = new EvalOptions(base.data(), base.setName(), null, base.identities(), base.folds(), base.pairsPerFold(),
                base.seed(), base.occlusions(), false, 2, 4, 4, out, List.of(), 200, false, false, 3);
        EvalResult r = runner.run(o, methods, List.of());
        ReportWriter.write(r, out);
        for (OcclusionColumn c : r.occlusions()) {
            assertEquals(3, c.quality().size());
            assertTrue(Double.isNaN(c.quality().get(0).psnr()), "GT has no repair quality");
            RepairQuality occ = c.quality().get(1), telea = c.quality().get(2);
            assertTrue(telea.psnrHole() > occ.psnrHole(), c.occlusion() + ": Telea " + telea.psnrHole() + " vs white " + occ.psnrHole());
            assertTrue(occ.faces() > 0 && Double.isNaN(telea.landmarkError()), "no structure metric without the landmark net");
            assertEquals(3, c.grid().size());
            for (List<RgbImage> row : c.grid()) assertEquals(3, row.size(), "GT | OCC | Telea");
            assertTrue(Files.size(out.resolve("samples-" + c.occlusion() + ".png")) > 100);
        }
        // the same faces in both grids: the first column is the clean face
        for (int k = 0; k < 3; k++)
            assertEquals(r.occlusions().get(0).grid().get(k).get(0), r.occlusions().get(1).grid().get(k).get(0));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Repair quality and structure per occlusion type"), md);
        JsonNode j = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        assertTrue(j.get("occlusions").get(1).get("methods").get("Telea").has("psnr_hole"));
    }

    @Test
    void refusesWhenAModelTrainedOnTheseIdentities() throws Exception {
        Path card = dir.resolve("card.md");
        Files.writeString(card, "training-data: synthetic\ntraining-identities: person3, person9\n");
        EvalRunner runner = new EvalRunner(new PreAlignedLoader(), new BlockMeans(), ProgressBar.silent());
        assertThrows(IdentityGuard.Refused.class, () -> runner.run(options(dir.resolve("x"), LibraryOcclusion.randomBlock(), false),
                List.of(BaselineMethods.groundTruth(), BaselineMethods.occluded()), List.of(ModelCard.read(card))));
    }

    /** A recognizer that looks only at the top third of the chip: the centre block hardly reaches it. */
    static final class UpperHalf implements Embedder {
        private final BlockMeans inner = new BlockMeans();

        @Override
        public float[][] embed(List<RgbImage> chips) {
            float[][] all = inner.embed(chips);
            for (float[] e : all) java.util.Arrays.fill(e, e.length / 3, e.length, 0f); // the top two of six block rows
            return all;
        }

        @Override
        public String modelVersion() {
            return "test-upper-half";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSecondRecognizerScoresEveryRowAgainOnTheSamePairsAgainstTheFirstOnesOcc() throws Exception {
        Path out = dir.resolve("report-other");
        EvalRunner runner = new EvalRunner(new PreAlignedLoader(), new BlockMeans(), ProgressBar.silent());
        List<RepairMethod> own = List.of(BaselineMethods.groundTruth(), BaselineMethods.occluded());
        Embedder upper = new UpperHalf();
        List<RepairMethod> methods = new java.util.ArrayList<>(own);
        for (RepairMethod m : own) methods.add(new OtherRecognizer(m, upper, "upper"));
        EvalResult r = runner.run(options(out, LibraryOcclusion.parse("block-center"), false), methods, List.of());
        assertEquals(List.of("GT", "OCC", "upper:GT", "upper:OCC"), r.methods().stream().map(MethodResult::name).toList());
        for (MethodResult m : r.methods()) assertEquals(r.pairsFingerprint(), m.pairsFingerprint(), m.name());
        MethodResult occ = r.methods().get(1), upperGt = r.methods().get(2), upperOcc = r.methods().get(3);
        // the upper-half recognizer scores its GT against its own clean descriptors: the same as its OCC row when the
        // block stays out of the upper half, and not the first recognizer's GT
        assertTrue(Double.isNaN(upperGt.psnr()), "upper:GT is a ground-truth row (no repair measured)");
        assertTrue(upperOcc.accuracy() > occ.accuracy(), "the second recognizer's row is scored by it: " + upperOcc.accuracy()
                + " vs " + occ.accuracy());
        assertTrue(!Double.isNaN(upperOcc.recoveredShare()), "recovered against the first recognizer's OCC and GT");
    }
}
