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
import io.unveil.research.eval.PairFold;
import io.unveil.research.eval.RecoveredShare;
import io.unveil.research.eval.RocCurve;
import io.unveil.research.eval.VerificationMetrics;
import io.unveil.research.eval.VerificationPair;
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
 * the test faces, let every method repair them, embed with the recognizer and measure (verification over folds,
 * ROC, identification against centroids, PSNR/SSIM, t-SNE of a few identities).
 */
public final class EvalRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EvalRunner.class);
    private static final int BATCH = 32;

    private final FaceLoader loader;
    private final Embedder embedder;
    private final ProgressBar progress;

    public EvalRunner(FaceLoader loader, Embedder embedder, ProgressBar progress) {
        this.loader = loader;
        this.embedder = embedder;
        this.progress = progress;
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
        }
        int folds = pairs.stream().mapToInt(FacePair::fold).max().orElse(0) + 1;
        if (pairs.isEmpty()) throw new IllegalStateException("no pairs could be formed");

        // faces occluded for the pairs
        Set<Integer> occ = new LinkedHashSet<>();
        Set<Integer> gt = new LinkedHashSet<>();
        for (FacePair p : pairs) {
            occ.add(p.b());
            if (o.occludeBoth()) occ.add(p.a());
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

        // 4. ground-truth descriptors
        progress.start("embed GT", gt.size());
        Map<Integer, float[]> gtEmb = embed(new ArrayList<>(gt), i -> faces.get(i).face128());
        progress.finish();
        Map<String, float[]> centroids = centroids(gallery, faces, gtEmb);

        // 5. every method
        Map<Integer, Occluded> occluded = new HashMap<>();
        for (int i : occList) occluded.put(i, o.occlusion().apply(faces.get(i).face128(), faces.get(i).landmarks128(), o.seed() * 1_000_003L + i));
        List<MethodResult> results = new ArrayList<>();
        List<List<RgbImage>> samples = new ArrayList<>();
        for (int r = 0; r < sampleFaces.size(); r++) samples.add(new ArrayList<>());
        for (RepairMethod m : methods) {
            boolean isGt = m.name().equals("GT");
            Map<Integer, float[]> emb;
            double psnr = 0, ssim = 0, psnrH = 0, ssimH = 0;
            int nq = 0, nqH = 0;
            long repairNs = 0;
            progress.start(m.name(), occList.size());
            if (isGt) {
                emb = gtEmb;
                progress.step(occList.size());
            } else {
                emb = new HashMap<>();
                for (int s = 0; s < occList.size(); s += BATCH) {
                    List<Integer> chunk = occList.subList(s, Math.min(occList.size(), s + BATCH));
                    List<RgbImage> truths = new ArrayList<>();
                    List<Occluded> occs = new ArrayList<>();
                    for (int i : chunk) {
                        truths.add(faces.get(i).face128());
                        occs.add(occluded.get(i));
                    }
                    long a = System.nanoTime();
                    List<RgbImage> repaired = m.repairAll(truths, occs);
                    repairNs += System.nanoTime() - a;
                    for (int k = 0; k < chunk.size(); k++) {
                        RgbImage truth = truths.get(k), fixed = repaired.get(k);
                        if (fixed.width() != truth.width() || fixed.height() != truth.height())
                            throw new IllegalStateException(m.name() + " returned a " + fixed.width() + "x" + fixed.height() + " face");
                        psnr += cap(ImageQuality.psnr(truth, fixed));
                        double[] map = ImageQuality.ssimMap(truth, fixed);
                        ssim += ImageQuality.meanOver(map, truth.width(), truth.height(), null);
                        nq++;
                        boolean[] mask = occs.get(k).mask();
                        double ph = ImageQuality.psnr(truth, fixed, mask);
                        double sh = ImageQuality.meanOver(map, truth.width(), truth.height(), mask);
                        if (!Double.isNaN(ph) && !Double.isNaN(sh)) {
                            psnrH += cap(ph);
                            ssimH += sh;
                            nqH++;
                        }
                    }
                    float[][] e = embedChips(repaired);
                    for (int k = 0; k < chunk.size(); k++) emb.put(chunk.get(k), e[k]);
                    progress.step(chunk.size());
                }
            }
            progress.finish();
            for (int r = 0; r < sampleFaces.size(); r++) {
                int i = sampleFaces.get(r);
                samples.get(r).add(isGt ? faces.get(i).face128() : m.repair(faces.get(i).face128(), occluded.get(i)));
            }
            // verification: 10-fold with the threshold chosen on the other folds (VerificationMetrics), ROC on all pairs
            double[] scores = new double[pairs.size()];
            boolean[] same = new boolean[pairs.size()];
            List<List<VerificationPair>> byFold = new ArrayList<>();
            for (int f = 0; f < folds; f++) byFold.add(new ArrayList<>());
            Map<VerificationPair, Double> distance = new HashMap<>();
            for (int k = 0; k < pairs.size(); k++) {
                FacePair p = pairs.get(k);
                float[] ea = o.occludeBoth() ? emb.get(p.a()) : gtEmb.get(p.a());
                double d = VerificationMetrics.euclidean(ea, emb.get(p.b()));
                scores[k] = -d;
                same[k] = p.same();
                VerificationPair vp = new VerificationPair(p.a(), p.b(), p.same());
                byFold.get(p.fold()).add(vp);
                distance.put(vp, d);
            }
            List<PairFold> pairFolds = new ArrayList<>();
            for (int f = 0; f < folds; f++) pairFolds.add(new PairFold(f, byFold.get(f)));
            CrossValidation v = VerificationMetrics.crossValidate(pairFolds, distance::get);
            RocCurve roc = RocCurve.of(scores, same);
            // identification
            double rank1 = Double.NaN;
            if (!probes.isEmpty()) {
                List<float[]> pe = new ArrayList<>();
                List<String> pid = new ArrayList<>();
                for (int i : probes) {
                    pe.add(emb.get(i));
                    pid.add(faces.get(i).identity());
                }
                rank1 = CentroidIdentification.rank1(centroids, pe, pid);
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
            results.add(new MethodResult(m.name(), m.source(), v.mean(), v.std(), v.foldAccuracy(), roc.tarAtFar(1e-2), roc.tarAtFar(1e-3),
                    roc.auc(), roc, isGt || nq == 0 ? Double.NaN : psnr / nq, isGt || nq == 0 ? Double.NaN : ssim / nq,
                    isGt || nqH == 0 ? Double.NaN : psnrH / nqH, isGt || nqH == 0 ? Double.NaN : ssimH / nqH,
                    rank1, Double.NaN, Double.NaN, isGt ? 0 : repairNs / 1e6 / Math.max(1, nq), tsne, labels));
            LOG.info("{}: accuracy {} +- {}", m.name(), v.mean(), v.std());
        }
        // recovered shares
        double accGt = results.get(0).accuracy(), accOcc = results.get(1).accuracy();
        double r1Gt = results.get(0).rank1(), r1Occ = results.get(1).rank1();
        for (int k = 2; k < results.size(); k++) {
            MethodResult r = results.get(k);
            results.set(k, r.withRecovered(RecoveredShare.of(r.accuracy(), accOcc, accGt), RecoveredShare.of(r.rank1(), r1Occ, r1Gt)));
        }
        int same = (int) pairs.stream().filter(FacePair::same).count();
        Set<String> usedIds = new LinkedHashSet<>();
        for (FacePair p : pairs) {
            usedIds.add(faces.get(p.a()).identity());
            usedIds.add(faces.get(p.b()).identity());
        }
        return new EvalResult(o, loader.describe(), embedder.modelVersion(), usedIds.size(), faces.size(), loaded.failures(),
                items.size(), pairs.size(), same, pairs.size() - same, disjoint, dropped, probes.size(),
                (int) gallery.stream().map(i -> faces.get(i).identity()).distinct().count(), guardNotes, results, samples,
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
            if (o.validationOnly())
                items = items.stream().filter(it -> IdentitySplit.of(o.setName(), it.identity()) == IdentitySplit.Part.VALIDATION).toList();
        }
        if (items.isEmpty()) throw new IllegalArgumentException("no images to evaluate in " + o.data());
        return items;
    }

    /** PSNR is averaged over faces; an exact copy (infinite PSNR) counts as 100 dB so one cannot swamp the mean. */
    private static double cap(double psnr) {
        return Math.min(psnr, 100);
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

    private Map<Integer, float[]> embed(List<Integer> idx, java.util.function.IntFunction<RgbImage> face) {
        Map<Integer, float[]> out = new HashMap<>();
        for (int s = 0; s < idx.size(); s += BATCH) {
            List<Integer> chunk = idx.subList(s, Math.min(idx.size(), s + BATCH));
            List<RgbImage> imgs = new ArrayList<>();
            for (int i : chunk) imgs.add(face.apply(i));
            float[][] e = embedChips(imgs);
            for (int k = 0; k < chunk.size(); k++) out.put(chunk.get(k), e[k]);
            progress.step(chunk.size());
        }
        return out;
    }

    /** FACE_128 faces resized to the recognizer's 150x150 chip (same geometry, per the alignment contract). */
    private float[][] embedChips(List<RgbImage> faces128) {
        List<RgbImage> chips = new ArrayList<>(faces128.size());
        for (RgbImage f : faces128) chips.add(Images.resize(f, 150, 150));
        float[][] e = embedder.embed(chips);
        if (e.length != chips.size()) throw new IllegalStateException("embedder returned " + e.length + " descriptors for " + chips.size() + " chips");
        return e;
    }
}
