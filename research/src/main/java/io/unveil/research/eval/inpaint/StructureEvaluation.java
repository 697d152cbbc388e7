package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.LabeledImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code unveil eval structure}: the repair-quality half of {@code unveil eval --structure} without the recognizer, for
 * a machine too loaded to embed every repaired face: on a fixed sample of faces (the first of every identity, then the
 * second, ...), each occlusion type with the same per-face seeds as {@code unveil eval}, each method's PSNR / SSIM
 * (whole and hole) and the structure metric ({@link FaceStructure}); writes report.md, results.json and one grid per
 * occlusion type (GT | OCC | each method). Identity (the paper's protocol) needs {@code unveil eval}.
 */
public final class StructureEvaluation {
    private static final int BATCH = 32;

    /** One measured cell: an occlusion type, a method, its quality on the sample. */
    public record Cell(String occlusion, String method, RepairQuality quality, double repairMsPerFace) {
    }

    public record Result(int faces, int identities, List<Cell> cells) {
    }

    private StructureEvaluation() {
    }

    public static Result run(Path set, String setName, IdentitySplit.Subset subset, int maxFaces, List<OcclusionProtocol> protocols,
                             List<String> methodSpecs, List<Path> modelCards, long seed, int gridRows, Path out) {
        List<MethodSpecs.Spec> specs = MethodSpecs.parse(methodSpecs);
        List<ModelCard> cards = Evaluation.cards(specs, modelCards);
        List<LabeledImages.Item> items = LabeledImages.load(set).items().stream()
                .filter(it -> subset.contains(setName, it.identity())).toList();
        if (items.isEmpty()) throw new IllegalArgumentException("no images of " + subset.describe() + " in " + set);
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(it -> ids.add(it.identity()));
        IdentityGuard.check(setName, ids, cards);
        List<EvalFace> faces = FaceLoaders.detecting(set).load(setName, items, ProgressBar.silent()).faces();
        List<Integer> sample = sample(faces, maxFaces);
        List<Cell> cells = new ArrayList<>();
        List<RepairMethod> methods = new ArrayList<>();
        try (FaceStructure structure = FaceStructure.load()) {
            for (MethodSpecs.Spec s : specs) methods.add(MethodSpecs.open(s));
            Files.createDirectories(out);
            for (OcclusionProtocol p : protocols) {
                Map<Integer, Occluded> holes = EvalRunner.occlude(p, sample, faces, seed);
                List<List<RgbImage>> grid = new ArrayList<>();
                for (int r = 0; r < Math.min(gridRows, sample.size()); r++) grid.add(new ArrayList<>(List.of(faces.get(sample.get(r)).face128())));
                for (RepairMethod m : methods) {
                    if (m.name().equals("GT")) continue;
                    QualityTally q = new QualityTally();
                    for (int s = 0; s < sample.size(); s += BATCH) {
                        List<Integer> chunk = sample.subList(s, Math.min(sample.size(), s + BATCH));
                        List<RgbImage> fixed = RepairBatch.run(m, chunk, faces, holes, q, structure);
                        for (int k = 0; k < chunk.size(); k++) if (s + k < grid.size()) grid.get(s + k).add(fixed.get(k));
                    }
                    cells.add(new Cell(p.name(), m.name(), q.summary(), q.repairMsPerFace()));
                }
                if (!grid.isEmpty())
                    ReportWriter.png(SampleGrid.compose(methods.stream().map(RepairMethod::name).toList(), grid),
                            out.resolve("samples-" + p.name() + ".png"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        } finally {
            for (RepairMethod m : methods) m.close();
        }
        Result r = new Result(sample.size(), (int) sample.stream().map(i -> faces.get(i).identity()).distinct().count(), cells);
        write(r, setName, subset, seed, out);
        return r;
    }

    /** Up to {@code max} faces: each identity's first face (identities sorted), then each one's second, and so on. */
    static List<Integer> sample(List<EvalFace> faces, int max) {
        Map<String, List<Integer>> byId = new TreeMap<>();
        for (int i = 0; i < faces.size(); i++) byId.computeIfAbsent(faces.get(i).identity(), k -> new ArrayList<>()).add(i);
        List<Integer> out = new ArrayList<>();
        for (int round = 0; out.size() < max; round++) {
            boolean any = false;
            for (List<Integer> l : byId.values())
                if (round < l.size() && out.size() < max) {
                    out.add(l.get(round));
                    any = true;
                }
            if (!any) break;
        }
        return out;
    }

    private static void write(Result r, String setName, IdentitySplit.Subset subset, long seed, Path out) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "# Repair quality and structure: %s, %s%n%n- %d faces of %d identities (each identity's "
                + "first face, then its second, ...); per-face occlusion seeds as `unveil eval --seed %d`%n%n", setName,
                subset.describe(), r.faces(), r.identities(), seed));
        s.append("| Occlusion | Method | PSNR (dB) | SSIM | PSNR hole (dB) | SSIM hole | Landmark error in hole (IOD) | faces scored | ms/face |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        String last = "";
        List<Map<String, Object>> json = new ArrayList<>();
        for (Cell c : r.cells()) {
            RepairQuality q = c.quality();
            s.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.4f | %.2f | %.4f | %.4f | %d of %d | %.2f |%n",
                    c.occlusion().equals(last) ? "" : c.occlusion(), c.method(), q.psnr(), q.ssim(), q.psnrHole(), q.ssimHole(),
                    q.landmarkError(), q.landmarkFaces(), q.faces(), c.repairMsPerFace()));
            last = c.occlusion();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("occlusion", c.occlusion());
            e.put("method", c.method());
            e.put("psnr", q.psnr());
            e.put("ssim", q.ssim());
            e.put("psnr_hole", q.psnrHole());
            e.put("ssim_hole", q.ssimHole());
            e.put("landmark_error_hole", Double.isNaN(q.landmarkError()) ? null : q.landmarkError());
            e.put("landmark_faces", q.landmarkFaces());
            e.put("faces", q.faces());
            e.put("repair_ms_per_face", c.repairMsPerFace());
            json.add(e);
        }
        s.append("\nLandmark error: face-api's 68 landmarks on the repaired face vs the clean original, jaw/nose/mouth points inside "
                + "the hole, in inter-ocular distances; faces whose hole holds none of them are not scored.\n");
        try {
            Files.writeString(out.resolve("report.md"), s);
            io.unveil.core.serde.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("results.json").toFile(),
                    Map.of("faces", r.faces(), "identities", r.identities(), "cells", json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + out, e);
        }
    }
}
