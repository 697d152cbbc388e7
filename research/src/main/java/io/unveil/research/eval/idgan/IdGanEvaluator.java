package io.unveil.research.eval.idgan;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.recognize.Embedder;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.eval.CrossValidation;
import io.unveil.research.eval.PairFold;
import io.unveil.research.eval.PairedBootstrap;
import io.unveil.research.eval.PairProtocol;
import io.unveil.research.eval.RecoveredShare;
import io.unveil.research.eval.VerificationMetrics;
import io.unveil.research.eval.VerificationPair;
import io.unveil.research.eval.inpaint.ImageQuality;
import io.unveil.research.eval.inpaint.OpenCvInpaint;
import io.unveil.research.train.idgan.Grids;
import io.unveil.research.train.idgan.MaskSource;
import io.unveil.research.train.idgan.TrainingFace;
import io.unveil.research.train.idgan.TrainingFaces;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Validation of a trained generator on VALIDATION identities only: every face gets a seeded random 48x48 block (the
 * paper's protocol), and is repaired by white fill (OCC), OpenCV Telea and ID-GAN. Image fidelity: PSNR and SSIM over
 * the whole face and over the hole. Identity: verification accuracy with R (k-fold LFW-style, threshold chosen on the
 * other folds; the report states k) with paired-bootstrap intervals against OCC, on same/different pairs for GT / OCC / Telea / ID-GAN, with the block on BOTH faces of a pair (the default,
 * the stricter test) or on the second face only (the first stays unoccluded, as the paper occludes the test face).
 */
public final class IdGanEvaluator {
    /** {@code vsOcc}: pooled accuracy, difference to OCC and recovered share with paired-bootstrap 95% intervals. */
    public record Row(String method, double psnr, double psnrHole, double ssim, double ssimHole, double accuracy,
                      double accuracyStd, PairedBootstrap.Comparison vsOcc) {
        Row withComparison(PairedBootstrap.Comparison c) {
            return new Row(method, psnr, psnrHole, ssim, ssimHole, accuracy, accuracyStd, c);
        }
    }

    /** Replicates of the paired bootstrap over identities (seeded with the protocol seed). */
    public static final int BOOTSTRAP = 2000;

    public record Report(int faces, int identities, int pairs, int same, int folds, boolean occludeBoth, List<Row> rows,
                         double recoveredShare, double seconds, IdentitySplit.Subset subset) {
        public String markdown() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%d faces of %d identities (%s), %d pairs (%d same) in %d folds, random 48x48 block on %s%n%n",
                    faces, identities, subset.describe(), pairs, same, folds, occludeBoth ? "both faces of a pair"
                            : "the second face of a pair (the first stays unoccluded)"));
            b.append("| method | PSNR whole (dB) | PSNR hole (dB) | SSIM whole | SSIM hole | verification accuracy (" + folds + "-fold) "
                    + "| share of the occlusion drop recovered | Δ vs OCC, points [95% CI] | recovered, pooled [95% CI] |\n");
            b.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Row r : rows)
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.4f ± %.4f | %s | %s | %s |%n", r.method(), f(r.psnr()),
                        f(r.psnrHole()), f4(r.ssim()), f4(r.ssimHole()), r.accuracy(), r.accuracyStd(),
                        r == rows.get(0) || r == rows.get(1) ? "" : String.format(Locale.ROOT, "%.1f%%",
                                100 * RecoveredShare.of(r.accuracy(), rows.get(1).accuracy(), rows.get(0).accuracy())),
                        r == rows.get(1) || r.vsOcc() == null ? "–" : r.vsOcc().difference().points(),
                        r.vsOcc() == null ? "–" : r.vsOcc().recoveredShare().percent()));
            b.append(String.format(Locale.ROOT, "%nIntervals: paired bootstrap over the %d identities (%d replicates, seeded): a "
                    + "person's pairs are resampled together.%n", identities, BOOTSTRAP));
            b.append(String.format(Locale.ROOT, "%nShare of the occlusion-induced accuracy drop recovered by the first ID-GAN row: %.1f%%%n",
                    100 * recoveredShare));
            return b.toString();
        }

        private static String f(double v) {
            return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.2f", v);
        }

        private static String f4(double v) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
    }

    private IdGanEvaluator() {
    }

    /** Paired bootstrap over identities of every method's per-pair outcomes (pairs in fold order). */
    private static List<PairedBootstrap.Comparison> bootstrap(List<PairFold> pairs, List<String> identityOfFace, List<boolean[]> correct,
                                                              long seed) {
        Map<String, Integer> index = new TreeMap<>();
        for (String id : identityOfFace) index.putIfAbsent(id, index.size());
        int n = correct.get(0).length, k = 0;
        int[] a = new int[n], b = new int[n];
        for (PairFold f : pairs)
            for (VerificationPair p : f.pairs()) {
                a[k] = index.get(identityOfFace.get(p.first()));
                b[k++] = index.get(identityOfFace.get(p.second()));
            }
        return PairedBootstrap.byIdentity(correct.toArray(new boolean[0][]), a, b, index.size()).compare(BOOTSTRAP, seed);
    }

    /**
     * @param maxFaces    cap on validation faces (taken evenly over identities with >= 2 faces)
     * @param occludeBoth compare two repaired faces; else the unoccluded first face with the repaired second one
     * @param out         folder for report.md and examples.png (null = none)
     */
    public static Report run(List<TrainingFace> all, String dataset, List<Inpainter> inpainters, Embedder recognizer,
                             int maxFaces, int folds, int pairsPerClassPerFold, long seed, boolean occludeBoth, Path out,
                             PrintStream progress) throws IOException {
        return run(all, dataset, IdentitySplit.Subset.VALIDATION, inpainters, recognizer, maxFaces, folds, pairsPerClassPerFold, seed,
                occludeBoth, out, progress);
    }

    /**
     * @param subset VALIDATION, or one of its halves (choose a generator on one, confirm on the other); never TRAIN
     */
    public static Report run(List<TrainingFace> all, String dataset, IdentitySplit.Subset subset, List<Inpainter> inpainters,
                             Embedder recognizer, int maxFaces, int folds, int pairsPerClassPerFold, long seed, boolean occludeBoth,
                             Path out, PrintStream progress) throws IOException {
        if (subset == IdentitySplit.Subset.ALL) throw new IllegalArgumentException("a generator is validated on VALIDATION identities only");
        long t0 = System.nanoTime();
        List<TrainingFace> val = TrainingFaces.part(all, dataset, IdentitySplit.Part.VALIDATION).stream()
                .filter(f -> subset.contains(dataset, f.identity())).toList();
        Map<String, List<TrainingFace>> byId = new TreeMap<>();
        for (TrainingFace f : val) byId.computeIfAbsent(f.identity(), k -> new ArrayList<>()).add(f);
        byId.values().removeIf(l -> l.size() < 2);
        List<TrainingFace> faces = new ArrayList<>();
        int perId = Math.max(2, maxFaces / Math.max(1, byId.size()));
        for (List<TrainingFace> l : byId.values()) faces.addAll(l.subList(0, Math.min(perId, l.size())));
        if (faces.size() > maxFaces) faces = faces.subList(0, maxFaces);
        int n = faces.size();
        // pairs first: fail fast (before any repair or embedding) when the faces cannot fill the folds
        List<String> ids = faces.stream().map(TrainingFace::identity).toList();
        List<PairFold> pairs = PairProtocol.generate(ids, folds, pairsPerClassPerFold, seed);
        int pairCount = pairs.stream().mapToInt(f -> f.pairs().size()).sum();
        int sameCount = (int) pairs.stream().mapToLong(PairFold::sameCount).sum();
        Random rnd = new Random(seed);
        List<RgbImage> truth = new ArrayList<>(), occluded = new ArrayList<>(), telea = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        List<boolean[]> holes = new ArrayList<>();
        try (OpenCvInpaint teleaMethod = new OpenCvInpaint(OpenCvInpaint.Algorithm.TELEA, 3)) {
            for (TrainingFace f : faces) {
                float[] m = MaskSource.BLOCK_48.next(f, rnd);
                boolean[] h = new boolean[m.length];
                byte[] d = f.face().data().clone();
                for (int i = 0; i < m.length; i++)
                    if (m[i] > 0.5f) {
                        h[i] = true;
                        d[i * 3] = d[i * 3 + 1] = d[i * 3 + 2] = (byte) 255;
                    }
                RgbImage occ = new RgbImage(128, 128, d);
                truth.add(f.face());
                occluded.add(occ);
                masks.add(m);
                holes.add(h);
                telea.add(teleaMethod.repair(f.face(), new io.unveil.research.eval.inpaint.Occluded(occ, h)));
            }
        }
        List<List<RgbImage>> repaired = new ArrayList<>();
        for (Inpainter inpainter : inpainters) {
            List<RgbImage> idgan = new ArrayList<>();
            for (int i = 0; i < n; i += 16) {
                idgan.addAll(inpainter.repair(occluded.subList(i, Math.min(n, i + 16)), masks.subList(i, Math.min(n, i + 16))));
                progress.print(String.format("\rinpainting %d/%d ", Math.min(n, i + 16), n));
            }
            progress.println();
            repaired.add(idgan);
        }


        Map<String, List<RgbImage>> methods = new LinkedHashMap<>();
        methods.put("GT", truth);
        methods.put("OCC (white block)", occluded);
        methods.put("OpenCV Telea", telea);
        for (int k = 0; k < inpainters.size(); k++) methods.put("ID-GAN (" + inpainters.get(k).model() + ")", repaired.get(k));
        List<Row> rows = new ArrayList<>();
        List<boolean[]> correct = new ArrayList<>();
        float[][] truthEmbeddings = null;
        for (Map.Entry<String, List<RgbImage>> e : methods.entrySet()) {
            List<RgbImage> imgs = e.getValue();
            double psnr = 0, psnrH = 0, ssim = 0, ssimH = 0;
            boolean gt = e.getKey().equals("GT");
            if (!gt) {
                for (int i = 0; i < n; i++) {
                    psnr += ImageQuality.psnr(truth.get(i), imgs.get(i));
                    psnrH += ImageQuality.psnr(truth.get(i), imgs.get(i), holes.get(i));
                    ssim += ImageQuality.ssim(truth.get(i), imgs.get(i));
                    ssimH += ImageQuality.ssim(truth.get(i), imgs.get(i), holes.get(i));
                }
            }
            List<RgbImage> chips = new ArrayList<>();
            for (RgbImage im : imgs) chips.add(Images.resize(im, 150, 150));
            float[][] emb = new float[n][];
            for (int i = 0; i < n; i += 32) {
                float[][] part = recognizer.embed(chips.subList(i, Math.min(n, i + 32)));
                System.arraycopy(part, 0, emb, i, part.length);
                progress.print(String.format("\r%s: embedding %d/%d ", e.getKey(), Math.min(n, i + 32), n));
            }
            progress.println();
            if (gt) truthEmbeddings = emb;
            float[][] firsts = occludeBoth ? emb : truthEmbeddings;
            CrossValidation r = VerificationMetrics.crossValidate(pairs,
                    p -> VerificationMetrics.euclidean(firsts[p.first()], emb[p.second()]));
            boolean[] right = new boolean[pairCount];
            int k = 0;
            for (PairFold f : pairs)
                for (VerificationPair p : f.pairs())
                    right[k++] = r.correct(VerificationMetrics.euclidean(firsts[p.first()], emb[p.second()]), p.same(), f.index());
            correct.add(right);
            rows.add(gt ? new Row(e.getKey(), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1, 1, r.mean(), r.std(), null)
                    : new Row(e.getKey(), psnr / n, psnrH / n, ssim / n, ssimH / n, r.mean(), r.std(), null));
        }
        List<PairedBootstrap.Comparison> vsOcc = bootstrap(pairs, ids, correct, seed);
        for (int k = 0; k < rows.size(); k++) rows.set(k, rows.get(k).withComparison(vsOcc.get(k)));
        double recovered = RecoveredShare.of(rows.get(3).accuracy(), rows.get(1).accuracy(), rows.get(0).accuracy());
        Report report = new Report(n, (int) ids.stream().distinct().count(), pairCount, sameCount, folds, occludeBoth, rows, recovered,
                (System.nanoTime() - t0) / 1e9, subset);
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.md"), report.markdown());
            int k = Math.min(8, n);
            RgbImage[][] cols = new RgbImage[3 + repaired.size()][k];
            for (int i = 0; i < k; i++) {
                int j = (int) ((long) i * n / k);
                cols[0][i] = truth.get(j);
                cols[1][i] = occluded.get(j);
                cols[2][i] = telea.get(j);
                for (int g = 0; g < repaired.size(); g++) cols[3 + g][i] = repaired.get(g).get(j);
            }
            Files.write(out.resolve("examples.png"), Images.encodePng(Grids.grid(k, cols)));
        }
        return report;
    }
}
