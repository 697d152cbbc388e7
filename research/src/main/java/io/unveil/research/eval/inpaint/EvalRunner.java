package io.unveil.research.eval.inpaint;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.recognize.Embedder;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.eval.CentroidIdentification;
import io.unveil.research.eval.CrossValidation;
import io.unveil.research.eval.FacePair;
import io.unveil.research.eval.LfwStylePairs;
import io.unveil.research.eval.PairedBootstrap;
import io.unveil.research.eval.RecoveredShare;
import io.unveil.research.eval.RocCurve;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation: load and align the faces, check the identities against the model cards, make the pairs, occlude
 * the test faces, let every method repair them, embed with the recognizer and measure (verification over folds with
 * paired-bootstrap intervals against OCC, ROC, identification against centroids, PSNR/SSIM, t-SNE of a few
 * identities); then the same pairs under every further occlusion protocol, side by side.
 */
public final class EvalRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EvalRunner.class);
    private static final int BATCH = 32;

    private final FaceLoader loader;
    private final Embedder embedder;
    private final ProgressBar progress;
    private final FaceStructure structure;

    public EvalRunner(FaceLoader loader, Embedder embedder, ProgressBar progress) {
        this(loader, embedder, progress, null);
    }

    /** @param structure measures the structure metric of every repair (null: not measured) */
    public EvalRunner(FaceLoader loader, Embedder embedder, ProgressBar progress, FaceStructure structure) {
        this.loader = loader;
        this.embedder = embedder;
        this.progress = progress;
        this.structure = structure;
    }

    public EvalResult run(EvalOptions o, List<RepairMethod> methods, List<ModelCard> cards) {
        long t0 = System.nanoTime();
        if (methods.size() < 2 || !methods.get(0).name().equals("GT") || !methods.get(1).name().equals("OCC"))
            throw new IllegalArgumentException("methods must start with GT and OCC");

        // 1. faces
        List<LfwPairsFile.Entry> lfw = o.pairsTxt() != null ? LfwPairsFile.read(o.pairsTxt(), o.data()) : null;
        List<LabeledImages.Item> items = items(o, lfw);
        Set<String> evalIds = new LinkedHashSet<>();
        items.forEach(it -> evalIds.add(it.identity()));
        List<String> guardNotes = IdentityGuard.check(o.setName(), evalIds, cards);

        progress.start("detect+align", items.size());
        LoadedFaces loaded = loader.load(o.setName(), items, progress);
        progress.finish();
        List<EvalFace> faces = loaded.faces();
        if (faces.isEmpty()) throw new IllegalStateException("no face could be detected in " + items.size() + " images");
        Map<String, Integer> indexOfFile = new HashMap<>();
        for (int i = 0; i < faces.size(); i++) indexOfFile.put(faces.get(i).source().toString(), i);

        // 2. pairs
        List<FacePair> pairs = new ArrayList<>();
        boolean disjoint;
        int dropped = 0;
        long sameAvailable = -1, differentAvailable = -1;
        if (lfw != null) {
            for (var e : lfw) {
                Integer a = indexOfFile.get(e.fileA().toString()), b = indexOfFile.get(e.fileB().toString());
                if (a == null || b == null) dropped++;
                else pairs.add(new FacePair(a, b, e.same(), e.fold()));
            }
            disjoint = true;
        } else {
            Map<String, List<Integer>> byId = new TreeMap<>();
            for (int i = 0; i < faces.size(); i++) byId.computeIfAbsent(faces.get(i).identity(), k -> new ArrayList<>()).add(i);
            var gen = LfwStylePairs.generate(byId, o.folds(), o.pairsPerFold() / 2, o.pairsPerFold() - o.pairsPerFold() / 2, o.seed());
            pairs.addAll(gen.pairs());
            disjoint = gen.identityDisjoint();
            sameAvailable = gen.sameAvailable();
            differentAvailable = gen.differentAvailable();
        }
        if (pairs.isEmpty()) throw new IllegalStateException("no pairs could be formed");
        PairScoring scoring = new PairScoring(pairs, faces.stream().map(EvalFace::identity).toList());

        // faces occluded for the pairs
        Set<Integer> occ = pairOccluded(pairs, o.occludeBoth());
        Set<Integer> gt = new LinkedHashSet<>();
        for (FacePair p : pairs) {
            gt.add(p.a());
            gt.add(p.b());
        }
        // 3. identification split: per identity, a seeded half of its faces enrolled unoccluded (the gallery centroid),
        // probes from the rest, faces already occluded for the pairs first (they cost no extra repair)
        Random rnd = new Random(o.seed() ^ 0x5DEECE66DL);
        Map<String, List<Integer>> byId = new TreeMap<>();
        for (int i = 0; i < faces.size(); i++) byId.computeIfAbsent(faces.get(i).identity(), k -> new ArrayList<>()).add(i);
        List<Integer> gallery = new ArrayList<>(), probes = new ArrayList<>();
        for (var e : byId.entrySet()) {
            if (e.getValue().size() < 2) continue;
            List<Integer> l = new ArrayList<>(e.getValue());
            Collections.shuffle(l, rnd);
            int g = (l.size() + 1) / 2;
            gallery.addAll(l.subList(0, g));
            List<Integer> rest = new ArrayList<>(l.subList(g, l.size()));
            rest.sort((x, y) -> Boolean.compare(!occ.contains(x), !occ.contains(y)));
            probes.addAll(rest.subList(0, Math.min(rest.size(), o.probesPerIdentity())));
        }
        // t-SNE identities: those with the most faces
        List<String> tsneIds = byId.entrySet().stream()
                .sorted((x, y) -> y.getValue().size() != x.getValue().size() ? y.getValue().size() - x.getValue().size() : x.getKey().compareTo(y.getKey()))
                .limit(o.tsneIdentities()).map(Map.Entry::getKey).toList();
        List<Integer> tsneFaces = new ArrayList<>();
        for (String id : tsneIds) {
            List<Integer> l = new ArrayList<>(byId.get(id));
            l.sort((x, y) -> Boolean.compare(!occ.contains(x), !occ.contains(y)));
            tsneFaces.addAll(l.subList(0, Math.min(12, l.size())));
        }

        // faces that get occluded, and faces whose ground-truth descriptor is needed
        occ.addAll(probes);
        occ.addAll(tsneFaces);
        gt.addAll(gallery);
        gt.addAll(occ);
        List<Integer> occList = new ArrayList<>(occ);
        List<Integer> sampleFaces = pickSamples(pairs, faces, o.sampleRows());

        // 4. ground-truth descriptors, per recognizer (a row scored by another recognizer compares against that
        // recognizer's descriptors of the clean faces, as its gallery would hold)
        Map<Embedder, Map<Integer, float[]>> gtByRecognizer = new java.util.IdentityHashMap<>();
        List<Integer> gtList = new ArrayList<>(gt);
        for (RepairMethod m : methods) {
            Embedder e = recognizerOf(m);
            if (gtByRecognizer.containsKey(e)) continue;
            progress.start(e == embedder ? "embed GT" : "embed GT (" + m.name() + ")", gt.size());
            gtByRecognizer.put(e, embed(gtList, i -> faces.get(i).face128(), e));
            progress.finish();
        }

        // 5. every method
        Map<Integer, Occluded> occluded = occlude(o.occlusion(), occList, faces, o.seed());
        List<MethodResult> results = new ArrayList<>();
        List<PairScoring.Scored> scored = new ArrayList<>();
        List<List<RgbImage>> samples = new ArrayList<>();
        for (int r = 0; r < sampleFaces.size(); r++) samples.add(new ArrayList<>());
        List<Integer> pairOccFaces = new ArrayList<>(pairOccluded(pairs, o.occludeBoth()));
        List<Integer> gridFaces = gridFaces(pairOccFaces, faces, o.gridRows());
        List<RepairQuality> mainQuality = new ArrayList<>();
        List<List<RgbImage>> mainGrid = gridRows(gridFaces, faces);
        for (RepairMethod m : methods) {
            boolean isGt = m.groundTruth();
            Map<Integer, float[]> mGt = gtByRecognizer.get(recognizerOf(m));
            QualityTally q = new QualityTally();
            Map<Integer, RgbImage> kept = new HashMap<>();
            progress.start(m.name(), occList.size());
            Map<Integer, float[]> emb = isGt ? mGt : repairAndEmbed(m, occList, faces, occluded, q, new LinkedHashSet<>(gridFaces), kept);
            RepairQuality qs = q.summary();
            mainQuality.add(isGt ? RepairQuality.NONE : qs);
            if (!isGt) for (int r = 0; r < gridFaces.size(); r++) mainGrid.get(r).add(kept.get(gridFaces.get(r)));
            if (isGt) progress.step(occList.size());
            progress.finish();
            for (int r = 0; r < sampleFaces.size(); r++) {
                int i = sampleFaces.get(r);
                samples.get(r).add(isGt ? faces.get(i).face128() : m.repair(faces.get(i).face128(), occluded.get(i)));
            }
            // verification: k-fold with the threshold chosen on the other folds (VerificationMetrics), ROC on all pairs
            PairScoring.Scored v = scoring.score(o.occludeBoth() ? emb : mGt, emb);
            scored.add(v);
            boolean[] same = new boolean[pairs.size()];
            for (int k = 0; k < pairs.size(); k++) same[k] = pairs.get(k).same();
            RocCurve roc = RocCurve.of(v.scores(), same);
            // identification
            double rank1 = Double.NaN;
            if (!probes.isEmpty()) {
                List<float[]> pe = new ArrayList<>();
                List<String> pid = new ArrayList<>();
                for (int i : probes) {
                    pe.add(emb.get(i));
                    pid.add(faces.get(i).identity());
                }
                rank1 = CentroidIdentification.rank1(centroids(gallery, faces, mGt), pe, pid);
            }
            // t-SNE
            double[][] x = new double[tsneFaces.size()][];
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < tsneFaces.size(); k++) {
                float[] f = emb.get(tsneFaces.get(k));
                x[k] = new double[f.length];
                for (int j = 0; j < f.length; j++) x[k][j] = f[j];
                labels.add(faces.get(tsneFaces.get(k)).identity());
            }
            double[][] tsne = x.length >= 4 ? new Tsne(10, 500, o.seed()).embed(x) : new double[0][];
            CrossValidation cv = v.cv();
            results.add(new MethodResult(m.name(), m.source(), cv.mean(), cv.std(), cv.foldAccuracy(), roc.tarAtFar(1e-2), roc.tarAtFar(1e-3),
                    roc.auc(), roc, isGt ? Double.NaN : qs.psnr(), isGt ? Double.NaN : qs.ssim(),
                    isGt ? Double.NaN : qs.psnrHole(), isGt ? Double.NaN : qs.ssimHole(),
                    rank1, Double.NaN, Double.NaN, isGt ? 0 : q.repairMsPerFace(), tsne, labels, null, null, v.pairsFingerprint()));
            LOG.info("{}: accuracy {} +- {}", m.name(), cv.mean(), cv.std());
        }
        List<PairedBootstrap.Comparison> vsOcc = scoring.compare(scored, o.bootstrap(), o.bootstrapByPair(), o.seed());
        List<PairedBootstrap.Comparison> otherUnit = scoring.compare(scored, o.bootstrap(), !o.bootstrapByPair(), o.seed());
        // 6. the other occlusion protocols, side by side: the same pairs, GT descriptors and seeds; only the faces the
        // pairs occlude are repaired (no rank-1, t-SNE or image quality for these)
        List<OcclusionColumn> columns = new ArrayList<>();
        columns.add(column(o.occlusion().name(), methods, scored, vsOcc, mainQuality, mainGrid));
        List<Integer> pairOcc = pairOccFaces;
        for (OcclusionProtocol protocol : o.occlusions().subList(1, o.occlusions().size())) {
            Map<Integer, Occluded> holes = occlude(protocol, pairOcc, faces, o.seed());
            List<PairScoring.Scored> col = new ArrayList<>();
            List<RepairQuality> quality = new ArrayList<>();
            List<List<RgbImage>> grid = gridRows(gridFaces, faces);
            for (int k = 0; k < methods.size(); k++) {
                RepairMethod m = methods.get(k);
                if (m.groundTruth()) {
                    col.add(scored.get(k));
                    quality.add(RepairQuality.NONE);
                    continue;
                }
                progress.start(protocol.name() + " " + m.name(), pairOcc.size());
                QualityTally q = new QualityTally();
                Map<Integer, RgbImage> kept = new HashMap<>();
                Map<Integer, float[]> emb = repairAndEmbed(m, pairOcc, faces, holes, q, new LinkedHashSet<>(gridFaces), kept);
                progress.finish();
                quality.add(q.summary());
                for (int r = 0; r < gridFaces.size(); r++) grid.get(r).add(kept.get(gridFaces.get(r)));
                col.add(scoring.score(o.occludeBoth() ? emb : gtByRecognizer.get(recognizerOf(m)), emb));
            }
            columns.add(column(protocol.name(), methods, col, scoring.compare(col, o.bootstrap(), o.bootstrapByPair(), o.seed()),
                    quality, grid));
        }
        // recovered shares
        double accGt = results.get(0).accuracy(), accOcc = results.get(1).accuracy();
        double r1Gt = results.get(0).rank1(), r1Occ = results.get(1).rank1();
        for (int k = 2; k < results.size(); k++) {
            MethodResult r = results.get(k);
            results.set(k, r.withRecovered(RecoveredShare.of(r.accuracy(), accOcc, accGt), RecoveredShare.of(r.rank1(), r1Occ, r1Gt), vsOcc.get(k), otherUnit.get(k)));
        }
        for (int k = 0; k < 2; k++) {
            MethodResult r = results.get(k);
            results.set(k, r.withRecovered(Double.NaN, Double.NaN, vsOcc.get(k), otherUnit.get(k)));
        }
        int same = (int) pairs.stream().filter(FacePair::same).count();
        Set<String> usedIds = new LinkedHashSet<>();
        for (FacePair p : pairs) {
            usedIds.add(faces.get(p.a()).identity());
            usedIds.add(faces.get(p.b()).identity());
        }
        return new EvalResult(o, loader.describe(), embedder.modelVersion(), usedIds.size(), faces.size(), loaded.failures(),
                items.size(), pairs.size(), same, pairs.size() - same, scoring.folds(), sameAvailable, differentAvailable,
                scoring.fingerprint(), disjoint, dropped, probes.size(),
                (int) gallery.stream().map(i -> faces.get(i).identity()).distinct().count(), guardNotes, results, columns,
                o.bootstrapByPair() ? "pair" : "identity", o.bootstrapByPair() ? pairs.size() : scoring.identities(), samples,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The images an evaluation uses: those of LFW's pairs, or the set's (VALIDATION identities only if asked). */
    public static List<LabeledImages.Item> items(EvalOptions o) {
        return items(o, o.pairsTxt() != null ? LfwPairsFile.read(o.pairsTxt(), o.data()) : null);
    }

    private static List<LabeledImages.Item> items(EvalOptions o, List<LfwPairsFile.Entry> lfw) {
        List<LabeledImages.Item> items;
        if (lfw != null) {
            Map<String, LabeledImages.Item> uniq = new LinkedHashMap<>();
            for (var e : lfw) {
                uniq.putIfAbsent(e.fileA().toString(), new LabeledImages.Item(e.fileA(), e.identityA()));
                uniq.putIfAbsent(e.fileB().toString(), new LabeledImages.Item(e.fileB(), e.identityB()));
            }
            items = new ArrayList<>(uniq.values());
        } else {
            items = LabeledImages.load(o.data()).items();
            if (o.identities() != IdentitySplit.Subset.ALL)
                items = items.stream().filter(it -> o.identities().contains(o.setName(), it.identity())).toList();
        }
        if (items.isEmpty()) throw new IllegalArgumentException("no images to evaluate in " + o.data());
        return items;
    }

    /** The faces the pairs occlude: every second face, and the first ones too when both are occluded. */
    private static Set<Integer> pairOccluded(List<FacePair> pairs, boolean both) {
        Set<Integer> occ = new LinkedHashSet<>();
        for (FacePair p : pairs) {
            occ.add(p.b());
            if (both) occ.add(p.a());
        }
        return occ;
    }

    /** The same per-face seed for every protocol and method, so every method sees the same holes. */
    static Map<Integer, Occluded> occlude(OcclusionProtocol protocol, List<Integer> idx, List<EvalFace> faces, long seed) {
        Map<Integer, Occluded> out = new HashMap<>();
        for (int i : idx) out.put(i, protocol.apply(faces.get(i).face128(), faces.get(i).landmarks128(), seed * 1_000_003L + i));
        return out;
    }

    /** One row per grid face, starting with its clean face (GT); each method's repair is appended. */
    private static List<List<RgbImage>> gridRows(List<Integer> gridFaces, List<EvalFace> faces) {
        List<List<RgbImage>> rows = new ArrayList<>();
        for (int i : gridFaces) rows.add(new ArrayList<>(List.of(faces.get(i).face128())));
        return rows;
    }

    /** Up to {@code rows} occluded test faces for the per-occlusion grids, one per identity first, in pair order. */
    private static List<Integer> gridFaces(List<Integer> occluded, List<EvalFace> faces, int rows) {
        List<Integer> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i : occluded) if (out.size() < rows && ids.add(faces.get(i).identity())) out.add(i);
        for (int i : occluded) if (out.size() < rows && !out.contains(i)) out.add(i);
        return out;
    }

    private static OcclusionColumn column(String occlusion, List<RepairMethod> methods, List<PairScoring.Scored> scored,
                                          List<PairedBootstrap.Comparison> vsOcc, List<RepairQuality> quality,
                                          List<List<RgbImage>> grid) {
        double[] acc = new double[scored.size()], std = new double[scored.size()];
        for (int k = 0; k < scored.size(); k++) {
            acc[k] = scored.get(k).cv().mean();
            std[k] = scored.get(k).cv().std();
            if (scored.get(k).pairsFingerprint() != scored.get(0).pairsFingerprint())
                throw new IllegalStateException(methods.get(k).name() + " was scored on other pairs than GT");
        }
        return new OcclusionColumn(occlusion, methods.stream().map(RepairMethod::name).toList(), acc, std, vsOcc,
                scored.get(0).pairsFingerprint(), quality, grid);
    }

    /**
     * Repairs the faces {@code idx} with {@code m} in batches, measures quality into {@code q} (may be null; with the
     * structure metric when this runner has one), keeps the repairs of the faces in {@code keep} in {@code kept}, embeds.
     */
    private Map<Integer, float[]> repairAndEmbed(RepairMethod m, List<Integer> idx, List<EvalFace> faces, Map<Integer, Occluded> occluded,
                                                 QualityTally q, Set<Integer> keep, Map<Integer, RgbImage> kept) {
        Map<Integer, float[]> emb = new HashMap<>();
        for (int s = 0; s < idx.size(); s += BATCH) {
            List<Integer> chunk = idx.subList(s, Math.min(idx.size(), s + BATCH));
            List<RgbImage> repaired = RepairBatch.run(m, chunk, faces, occluded, q, structure);
            for (int k = 0; k < chunk.size(); k++) if (keep.contains(chunk.get(k))) kept.put(chunk.get(k), repaired.get(k));
            float[][] e = embedChips(repaired, recognizerOf(m));
            for (int k = 0; k < chunk.size(); k++) emb.put(chunk.get(k), e[k]);
            progress.step(chunk.size());
        }
        return emb;
    }

    private static List<Integer> pickSamples(List<FacePair> pairs, List<EvalFace> faces, int rows) {
        List<Integer> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (FacePair p : pairs) {
            if (out.size() >= rows) break;
            if (ids.add(faces.get(p.b()).identity())) out.add(p.b());
        }
        return out;
    }

    private Map<String, float[]> centroids(List<Integer> gallery, List<EvalFace> faces, Map<Integer, float[]> emb) {
        List<float[]> d = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i : gallery) {
            d.add(emb.get(i));
            ids.add(faces.get(i).identity());
        }
        return CentroidIdentification.centroids(d, ids);
    }

    private Embedder recognizerOf(RepairMethod m) {
        return m.recognizer() != null ? m.recognizer() : embedder;
    }

    private Map<Integer, float[]> embed(List<Integer> idx, java.util.function.IntFunction<RgbImage> face, Embedder e) {
        Map<Integer, float[]> out = new HashMap<>();
        for (int s = 0; s < idx.size(); s += BATCH) {
            List<Integer> chunk = idx.subList(s, Math.min(idx.size(), s + BATCH));
            List<RgbImage> imgs = new ArrayList<>();
            for (int i : chunk) imgs.add(face.apply(i));
            float[][] d = embedChips(imgs, e);
            for (int k = 0; k < chunk.size(); k++) out.put(chunk.get(k), d[k]);
            progress.step(chunk.size());
        }
        return out;
    }

    /** FACE_128 faces resized to the recognizer's 150x150 chip (same geometry, per the alignment contract). */
    private static float[][] embedChips(List<RgbImage> faces128, Embedder embedder) {
        List<RgbImage> chips = new ArrayList<>(faces128.size());
        for (RgbImage f : faces128) chips.add(Images.resize(f, 150, 150));
        float[][] e = embedder.embed(chips);
        if (e.length != chips.size()) throw new IllegalStateException("embedder returned " + e.length + " descriptors for " + chips.size() + " chips");
        return e;
    }
}
