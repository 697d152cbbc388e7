package io.unveil.research.eval.inpaint;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.unveil.core.serde.Json;
import io.unveil.research.eval.PairedBootstrap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** Writes the report folder: report.md, results.json, accuracy.png, roc.png, tsne.png, samples.png. */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(EvalResult r, Path dir) {
        try {
            Files.createDirectories(dir);
            String title = r.options().setName() + ", " + r.options().occlusion().name();
            png(ReportCharts.accuracy(r.methods(), "Verification accuracy: " + title, r.folds()), dir.resolve("accuracy.png"));
            png(ReportCharts.roc(r.methods(), "ROC: " + title), dir.resolve("roc.png"));
            png(ReportCharts.tsne(r.methods()), dir.resolve("tsne.png"));
            png(SampleGrid.compose(r.methods().stream().map(MethodResult::name).toList(), r.samples()), dir.resolve("samples.png"));
            for (OcclusionColumn c : r.occlusions())
                if (!c.grid().isEmpty()) png(SampleGrid.compose(c.methods(), c.grid()), dir.resolve("samples-" + c.occlusion() + ".png"));
            Files.writeString(dir.resolve("report.md"), markdown(r));
            Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), json(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    static void png(BufferedImage img, Path f) throws IOException {
        if (!ImageIO.write(img, "png", f.toFile())) throw new IOException("no PNG writer");
    }

    static Map<String, Object> json(EvalResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        EvalOptions o = r.options();
        m.put("dataset", o.setName());
        m.put("data", o.data().toString());
        Map<String, Object> protocol = new LinkedHashMap<>();
        protocol.put("occlusion", o.occlusion().name());
        protocol.put("occlusions_side_by_side", o.occlusions().stream().map(OcclusionProtocol::name).toList());
        protocol.put("occluded_faces", o.occludeBoth() ? "both" : "one");
        protocol.put("folds", r.folds());
        protocol.put("identity_disjoint_folds", r.identityDisjoint());
        protocol.put("pairs_source", o.pairsTxt() == null ? "generated, seed " + o.seed() : o.pairsTxt().toString());
        protocol.put("identities_filter", o.identities().describe());
        protocol.put("bootstrap", Map.of("unit", r.bootstrapUnit(), "units", r.bootstrapUnits(), "replicates", o.bootstrap(),
                "seed", o.seed(), "interval", "95% percentile"));
        protocol.put("seed", o.seed());
        protocol.put("score", "negative Euclidean distance of 128-D descriptors; threshold chosen on the other folds");
        protocol.put("recognizer", r.recognizer());
        protocol.put("face_pipeline", r.faceLoader());
        m.put("protocol", protocol);
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put("total", r.pairs());
        pairs.put("same", r.samePairs());
        pairs.put("different", r.differentPairs());
        pairs.put("dropped_for_detection_failure", r.droppedPairs());
        pairs.put("same_available", r.sameAvailable());
        pairs.put("different_available", r.differentAvailable());
        pairs.put("fingerprint", r.pairsFingerprint());
        m.put("pairs", pairs);
        m.put("identities", r.identities());
        m.put("faces", r.faces());
        m.put("images", r.imagesTried());
        Map<String, Object> fail = new LinkedHashMap<>();
        fail.put("count", r.failures().size());
        fail.put("rate", r.imagesTried() == 0 ? 0 : (double) r.failures().size() / r.imagesTried());
        List<Map<String, String>> list = new ArrayList<>();
        for (var f : r.failures()) list.add(Map.of("file", f.file().toString(), "identity", f.identity(), "reason", f.reason()));
        fail.put("files", list);
        m.put("detection_failures", fail);
        Map<String, Object> ident = new LinkedHashMap<>();
        ident.put("gallery_identities", r.galleryIdentities());
        ident.put("probes", r.probes());
        m.put("identification", ident);
        m.put("identity_check", r.guardNotes());
        Map<String, Object> methods = new LinkedHashMap<>();
        for (MethodResult x : r.methods()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("source", x.source());
            e.put("accuracy", num(x.accuracy()));
            e.put("accuracy_std", num(x.accuracyStd()));
            e.put("fold_accuracy", x.foldAccuracy());
            e.put("tar_at_far_1e-2", num(x.tarAtFar1e2()));
            e.put("tar_at_far_1e-3", num(x.tarAtFar1e3()));
            e.put("auc", num(x.auc()));
            e.put("psnr", num(x.psnr()));
            e.put("ssim", num(x.ssim()));
            e.put("psnr_hole", num(x.psnrHole()));
            e.put("ssim_hole", num(x.ssimHole()));
            e.put("rank1", num(x.rank1()));
            e.put("recovered_share", num(x.recoveredShare()));
            e.put("recovered_share_rank1", num(x.recoveredShareRank1()));
            e.put("repair_ms_per_face", num(x.repairMsPerFace()));
            e.put("pairs_fingerprint", x.pairsFingerprint());
            if (x.vsOcc() != null) e.put("vs_occ", comparison(x.vsOcc()));
            if (x.vsOccOtherUnit() != null) e.put("vs_occ_by_" + ("pair".equals(r.bootstrapUnit()) ? "identity" : "pair"), comparison(x.vsOccOtherUnit()));
            methods.put(x.name(), e);
        }
        m.put("methods", methods);
        List<Map<String, Object>> cols = new ArrayList<>();
        for (OcclusionColumn c : r.occlusions()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("occlusion", c.occlusion());
            col.put("pairs_fingerprint", c.pairsFingerprint());
            Map<String, Object> ms = new LinkedHashMap<>();
            for (int k = 0; k < c.methods().size(); k++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("accuracy", num(c.accuracy()[k]));
                e.put("accuracy_std", num(c.accuracyStd()[k]));
                e.put("vs_occ", comparison(c.vsOcc().get(k)));
                if (c.quality() != null) {
                    RepairQuality q = c.quality().get(k);
                    e.put("psnr", num(q.psnr()));
                    e.put("ssim", num(q.ssim()));
                    e.put("psnr_hole", num(q.psnrHole()));
                    e.put("ssim_hole", num(q.ssimHole()));
                    e.put("landmark_error_hole", num(q.landmarkError()));
                    e.put("landmark_faces", q.landmarkFaces());
                    e.put("quality_faces", q.faces());
                }
                ms.put(c.methods().get(k), e);
            }
            col.put("methods", ms);
            cols.add(col);
        }
        m.put("occlusions", cols);
        m.put("wall_seconds", Math.round(r.wallSeconds() * 10) / 10.0);
        return m;
    }

    private static Map<String, Object> comparison(PairedBootstrap.Comparison c) {
        return ordered("pooled_accuracy", num(c.accuracy()), "difference", interval(c.difference()),
                "recovered_share", interval(c.recoveredShare()));
    }

    private static Map<String, Object> interval(PairedBootstrap.Interval i) {
        return ordered("estimate", num(i.estimate()), "low", num(i.low()), "high", num(i.high()), "replicates", i.replicates());
    }

    /** A JSON object with its keys in the given order: key, value, key, value, ... */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    private static Object num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 1e5) / 1e5;
    }

    static String markdown(EvalResult r) {
        EvalOptions o = r.options();
        StringBuilder s = new StringBuilder();
        s.append("# Unveil evaluation: ").append(o.setName()).append(", ").append(o.occlusion().name()).append("\n\n");
        s.append(String.format(Locale.ROOT, "- Data: `%s` (%s); %d images, %d faces detected and aligned, **%d detection failures** (%.1f%%)%n",
                o.data(), o.identities().describe(), r.imagesTried(), r.faces(),
                r.failures().size(), r.imagesTried() == 0 ? 0 : 100.0 * r.failures().size() / r.imagesTried()));
        s.append("- Face pipeline: ").append(r.faceLoader()).append("\n");
        s.append("- Recognizer: ").append(r.recognizer()).append("; score = negative Euclidean distance\n");
        s.append(String.format(Locale.ROOT, "- Pairs: %d (%d same, %d different) of %d identities in %d folds (%s)%s; %s%n",
                r.pairs(), r.samePairs(), r.differentPairs(), r.identities(), r.folds(),
                r.identityDisjoint() ? "identity-disjoint folds" : "too few identities for identity-disjoint folds: pairs dealt to folds",
                r.droppedPairs() > 0 ? ", " + r.droppedPairs() + " LFW pairs dropped for a face not detected" : "",
                o.pairsTxt() == null ? "generated with seed " + o.seed() : "from " + o.pairsTxt()));
        if (r.sameAvailable() >= 0)
            s.append(String.format(Locale.ROOT, "- The set allows %,d distinct same-identity and %,d different-identity pairs%s; %s%n",
                    r.sameAvailable(), r.differentAvailable(), r.identityDisjoint() ? " within these folds" : "",
                    r.samePairs() >= r.sameAvailable() ? "all same-identity pairs are used" : "a seeded sample is used"));
        s.append(String.format(Locale.ROOT, "- Every method and occlusion is scored on the same %d pairs (fingerprint %08x)%n",
                r.pairs(), r.pairsFingerprint()));
        s.append(String.format(Locale.ROOT, "- Intervals: paired bootstrap, %d replicates resampling the %d %s (seed %d), 95%% percentile%n",
                o.bootstrap(), r.bootstrapUnits(), "pair".equals(r.bootstrapUnit()) ? "pairs" : "identities", o.seed()));
        s.append("- Occlusion: ").append(o.occlusion().name()).append(" (drawn on the 128x128 face by the occluder library; blocks pre-filled white)")
                .append(o.occlusions().size() > 1 ? ", and side by side " + o.occlusions().subList(1, o.occlusions().size()).stream()
                        .map(OcclusionProtocol::name).toList() : "").append(", applied to ")
                .append(o.occludeBoth() ? "both faces of each pair" : "the second face of each pair (the first stays unoccluded)").append("\n");
        s.append(String.format(Locale.ROOT, "- Identification: %d occluded probes against centroids of %d identities (gallery: a seeded half of each identity's unoccluded faces)%n",
                r.probes(), r.galleryIdentities()));
        for (String n : r.guardNotes()) s.append("- Identity check: ").append(n).append("\n");
        s.append(String.format(Locale.ROOT, "- Wall time: %.1f s%n%n", r.wallSeconds()));

        s.append("## Verification (").append(r.folds()).append("-fold, threshold chosen on the other folds)\n\n");
        String other = "pair".equals(r.bootstrapUnit()) ? "identity" : "pair";
        s.append("| Method | Accuracy | Δ vs OCC, points [95% CI] | Recovered share [95% CI] | Δ, ").append(other)
                .append(" bootstrap | TAR@FAR=1e-2 | TAR@FAR=1e-3 | AUC |\n|---|---|---|---|---|---|---|---|\n");
        for (MethodResult m : r.methods())
            s.append(String.format(Locale.ROOT, "| %s | %.4f ± %.4f | %s | %s | %s | %s | %s | %s |%n", m.name(), m.accuracy(), m.accuracyStd(),
                    m.name().equals("OCC") ? "–" : m.vsOcc().difference().points(), m.vsOcc().recoveredShare().percent(),
                    m.name().equals("OCC") ? "–" : m.vsOccOtherUnit().difference().points(),
                    f(m.tarAtFar1e2(), 4), f(m.tarAtFar1e3(), 4), f(m.auc(), 4)));
        s.append("\nAccuracy: mean ± sd over the folds. Δ and recovered share: pooled over all pairs (each pair decided by its fold's "
                + "threshold), intervals from the paired bootstrap; GT's Δ is the drop occlusion costs. The ")
                .append(other).append(" bootstrap column resamples ").append(other).append("s instead, for comparison.\n");
        if (r.occlusions().size() > 1) {
            s.append("\n## Occlusion types side by side (the same pairs; the second face of a pair")
                    .append(o.occludeBoth() ? " and the first" : "").append(" occluded)\n\n");
            s.append("| Occlusion | Method | Accuracy | Δ vs OCC, points [95% CI] | Recovered share [95% CI] |\n|---|---|---|---|---|\n");
            for (OcclusionColumn c : r.occlusions())
                for (int k = 0; k < c.methods().size(); k++)
                    s.append(String.format(Locale.ROOT, "| %s | %s | %.4f ± %.4f | %s | %s |%n", k == 0 ? c.occlusion() : "", c.methods().get(k),
                            c.accuracy()[k], c.accuracyStd()[k], k == 1 ? "–" : c.vsOcc().get(k).difference().points(),
                            c.vsOcc().get(k).recoveredShare().percent()));
        }
        int neg = r.differentPairs();
        if (neg > 0 && neg < 1000)
            s.append(String.format(Locale.ROOT, "%nWith %d different pairs, FAR 1e-3 cannot be resolved below %.1e: TAR@FAR=1e-3 is the TAR at zero false accepts.%n", neg, 1.0 / neg));
        s.append("\n## Image quality of the repaired faces (mean over occluded faces)\n\n");
        s.append("| Method | PSNR (dB) | SSIM | PSNR hole (dB) | SSIM hole | Repair ms/face |\n|---|---|---|---|---|---|\n");
        for (MethodResult m : r.methods())
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", m.name(), f(m.psnr(), 2), f(m.ssim(), 4),
                    f(m.psnrHole(), 2), f(m.ssimHole(), 4), m.name().equals("GT") ? "–" : f(m.repairMsPerFace(), 2)));
        if (r.occlusions().stream().allMatch(c -> c.quality() != null)) {
            s.append("\n## Repair quality and structure per occlusion type\n\n");
            s.append("| Occlusion | Method | PSNR (dB) | SSIM | PSNR hole (dB) | SSIM hole | Landmark error in hole (IOD) | faces scored |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            for (OcclusionColumn c : r.occlusions())
                for (int k = 1; k < c.methods().size(); k++) {
                    RepairQuality q = c.quality().get(k);
                    s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", k == 1 ? c.occlusion() : "",
                            c.methods().get(k), f(q.psnr(), 2), f(q.ssim(), 4), f(q.psnrHole(), 2), f(q.ssimHole(), 4),
                            f(q.landmarkError(), 4), q.landmarkFaces() == 0 ? "–" : q.landmarkFaces() + " of " + q.faces()));
                }
            s.append("\nLandmark error (`--structure`): face-api's 68 landmarks on the repaired face vs on the clean original, over the "
                    + "jaw, nose and mouth points inside the hole, in inter-ocular distances; faces whose hole holds none are not scored. "
                    + "The first occlusion type is measured on every face it occludes (pairs, probes, t-SNE), the others on the pairs' test faces.\n");
        }
        s.append("\nSSIM: Wang et al. 2004 on luminance (Y = 0.299R+0.587G+0.114B), 11x11 Gaussian window, sigma 1.5, valid windows; "
                + "hole SSIM averages windows centred in the hole. PSNR over RGB; an exact copy counts as 100 dB.\n");
        s.append("\n## Identification (rank-1 against identity centroids)\n\n| Method | Rank-1 | Recovered share |\n|---|---|---|\n");
        for (MethodResult m : r.methods())
            s.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", m.name(), f(m.rank1(), 4), pct(m.recoveredShareRank1())));
        s.append("\nRecovered share = (acc_method − acc_OCC) / (acc_GT − acc_OCC).\n\n");
        s.append("![accuracy](accuracy.png)\n\n![roc](roc.png)\n\n![samples](samples.png)\n\n![t-SNE](tsne.png)\n");
        if (!r.failures().isEmpty()) {
            s.append("\n## Detection failures\n\n");
            r.failures().stream().limit(50).forEach(f -> s.append("- `").append(f.file()).append("` (").append(f.identity()).append("): ")
                    .append(f.reason()).append("\n"));
            if (r.failures().size() > 50) s.append("- ... ").append(r.failures().size() - 50).append(" more in results.json\n");
        }
        return s.toString();
    }

    private static String f(double v, int digits) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
