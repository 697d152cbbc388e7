package io.unveil.recognize.eval;

import io.unveil.core.data.IdentitySplit;
import io.unveil.core.data.LabeledImages;
import io.unveil.core.eval.CrossValidation;
import io.unveil.core.eval.PairFold;
import io.unveil.core.eval.PairProtocol;
import io.unveil.core.eval.VerificationMetrics;
import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.recognize.Embedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face verification accuracy of a recognizer on a labelled photo set: every photo goes through a {@link FaceChipper}
 * (detect -> align) and the {@link Embedder}; then, for each requested subset of identities (all, or only the
 * {@link IdentitySplit} VALIDATION identities), {@link PairProtocol} makes identity-disjoint folds of same/different
 * pairs and {@link VerificationMetrics#crossValidate} chooses the Euclidean threshold on k-1 folds and measures on the
 * held-out one. Photos where no face is found are left out and counted.
 */
public final class FaceVerification {
    private static final Logger LOG = LoggerFactory.getLogger(FaceVerification.class);
    public static final int BATCH = 16;

    public enum Subset { ALL, VALIDATION }

    public record Options(Path dataset, String datasetName, List<Subset> subsets, int folds, int pairsPerClassPerFold,
                          long seed, int maxImages) {
        public Options {
            subsets = List.copyOf(subsets);
        }

        /** 10 folds x (150 same + 150 different) = 3,000 pairs, seed 1, all images, both subsets. */
        public static Options defaults(Path dataset) {
            return new Options(dataset, dataset.getFileName().toString(), List.of(Subset.ALL, Subset.VALIDATION), 10, 150, 1L, 0);
        }
    }

    public record SubsetResult(Subset subset, int identities, int samples, CrossValidation cv) {
        public String summary() {
            return String.format("%s: %d identities, %d faces, %s", subset, identities, samples, cv.summary());
        }
    }

    public record Result(int images, int faces, int noFace, int unreadable, List<SubsetResult> subsets) {
    }

    private final List<FaceChipper> chippers;
    private final Embedder embedder;
    private Path cacheFile;

    public FaceVerification(FaceChipper chipper, Embedder embedder) {
        this(List.of(chipper), embedder);
    }

    /** One worker thread per chipper (a chipper is used by one thread only); the embedder is shared. */
    public FaceVerification(List<FaceChipper> chippers, Embedder embedder) {
        if (chippers.isEmpty()) throw new IllegalArgumentException("need at least one chipper");
        this.chippers = List.copyOf(chippers);
        this.embedder = embedder;
    }

    /**
     * Keeps every photo's outcome (descriptor, no face, unreadable) in {@code file} as it is computed, and reuses it on
     * the next run: an interrupted measurement resumes where it stopped. The caller keys the file by pipeline.
     */
    public FaceVerification withCache(Path file) {
        this.cacheFile = file;
        return this;
    }

    private record Sample(String file, String identity, float[] descriptor) {
    }

    private record Outcome(LabeledImages.Item item, RgbImage chip, String status) {
    }

    public Result run(Options o, Consumer<String> progress) {
        LabeledImages set = LabeledImages.load(o.dataset());
        List<LabeledImages.Item> items = new ArrayList<>(set.items());
        if (o.maxImages() > 0 && items.size() > o.maxImages()) items = new ArrayList<>(items.subList(0, o.maxImages()));
        if (o.subsets().contains(Subset.VALIDATION)) // validation identities first: their number is ready soonest
            items.sort(java.util.Comparator.comparing((LabeledImages.Item it) ->
                    IdentitySplit.of(o.datasetName(), it.identity()) == IdentitySplit.Part.VALIDATION ? 0 : 1));
        java.util.Map<String, String[]> cached = readCache();
        List<Sample> samples = new ArrayList<>();
        int[] counts = new int[2]; // noFace, unreadable
        List<LabeledImages.Item> todo = new ArrayList<>();
        for (LabeledImages.Item it : items) {
            String[] c = cached.get(it.file().toString());
            if (c == null) todo.add(it);
            else record(c, samples, counts);
        }
        if (!cached.isEmpty()) progress.accept((items.size() - todo.size()) + " photos reused from " + cacheFile);
        java.util.concurrent.BlockingQueue<Outcome> queue = new java.util.concurrent.LinkedBlockingQueue<>(64);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(chippers.size());
        List<LabeledImages.Item> work = todo;
        for (FaceChipper chipper : chippers) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < work.size()) {
                    LabeledImages.Item it = work.get(i);
                    Outcome out;
                    try {
                        RgbImage photo = Images.read(it.file());
                        out = chipper.chip(photo).map(c -> new Outcome(it, c, "face")).orElse(new Outcome(it, null, "noface"));
                    } catch (ImageDecodeException e) {
                        LOG.warn("skipping unreadable {}: {}", it.file(), e.getMessage());
                        out = new Outcome(it, null, "unreadable");
                    } catch (RuntimeException e) {
                        LOG.warn("face pipeline failed on {}: {}", it.file(), e.toString());
                        out = new Outcome(it, null, "unreadable");
                    }
                    try {
                        queue.put(out);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        long start = System.nanoTime();
        List<Outcome> pending = new ArrayList<>();
        try (java.io.Writer cache = openCache()) {
            for (int done = 1; done <= todo.size(); done++) {
                Outcome out = queue.take();
                pending.add(out);
                if (pending.size() == BATCH || done == todo.size()) {
                    flush(pending, samples, counts, cache);
                    pending.clear();
                }
                if (done % 250 == 0 || done == todo.size())
                    progress.accept(String.format("%d/%d photos, %d faces, %d without face, %.1f s", done, todo.size(),
                            samples.size() + pending.size(), counts[0], (System.nanoTime() - start) / 1e9));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write descriptor cache " + cacheFile, e);
        } finally {
            pool.shutdownNow();
        }
        samples.sort(java.util.Comparator.comparing(Sample::file)); // sample order must not depend on thread timing
        List<String> identities = new ArrayList<>();
        List<float[]> descriptors = new ArrayList<>();
        for (Sample sm : samples) {
            identities.add(sm.identity());
            descriptors.add(sm.descriptor());
        }
        List<SubsetResult> results = new ArrayList<>();
        for (Subset s : o.subsets()) results.add(measure(s, o, identities, descriptors));
        return new Result(items.size(), descriptors.size(), counts[0], counts[1], results);
    }

    private void flush(List<Outcome> batch, List<Sample> samples, int[] counts, java.io.Writer cache) throws java.io.IOException {
        List<RgbImage> chips = new ArrayList<>();
        for (Outcome o : batch) if (o.chip() != null) chips.add(o.chip());
        float[][] d = chips.isEmpty() ? new float[0][] : embedder.embed(chips);
        int k = 0;
        for (Outcome o : batch) {
            String[] rec;
            if (o.chip() != null) {
                float[] desc = d[k++];
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < desc.length; i++) b.append(i == 0 ? "" : ",").append(desc[i]);
                rec = new String[]{o.item().file().toString(), o.item().identity(), "face", b.toString()};
            } else {
                rec = new String[]{o.item().file().toString(), o.item().identity(), o.status(), ""};
            }
            record(rec, samples, counts);
            if (cache != null) cache.write(String.join("\t", rec) + "\n");
        }
        if (cache != null) cache.flush();
    }

    private static void record(String[] rec, List<Sample> samples, int[] counts) {
        switch (rec[2]) {
            case "face" -> {
                String[] parts = rec[3].split(",");
                float[] d = new float[parts.length];
                for (int i = 0; i < d.length; i++) d[i] = Float.parseFloat(parts[i]);
                samples.add(new Sample(rec[0], rec[1], d));
            }
            case "noface" -> counts[0]++;
            default -> counts[1]++;
        }
    }

    private java.util.Map<String, String[]> readCache() {
        java.util.Map<String, String[]> m = new java.util.HashMap<>();
        if (cacheFile == null || !java.nio.file.Files.isRegularFile(cacheFile)) return m;
        try {
            for (String line : java.nio.file.Files.readAllLines(cacheFile)) {
                String[] rec = line.split("\t", -1);
                if (rec.length == 4) m.put(rec[0], rec);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read descriptor cache " + cacheFile, e);
        }
        return m;
    }

    private java.io.Writer openCache() throws java.io.IOException {
        if (cacheFile == null) return null;
        if (cacheFile.getParent() != null) java.nio.file.Files.createDirectories(cacheFile.getParent());
        return java.nio.file.Files.newBufferedWriter(cacheFile, java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * {@code FaceVerification DATASET_DIR [pairsPerClassPerFold=150] [seed=1]}: face-api TinyFaceDetector + landmarks ->
     * CHIP_150 -> FaceApiEmbedder, then 10-fold verification on all identities and on VALIDATION identities.
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: FaceVerification DATASET_DIR [pairsPerClassPerFold] [seed]");
            System.exit(2);
        }
        io.unveil.core.model.Djl.init();
        Options d = Options.defaults(Path.of(args[0]));
        Options o = new Options(d.dataset(), d.datasetName(), d.subsets(), d.folds(),
                args.length > 1 ? Integer.parseInt(args[1]) : d.pairsPerClassPerFold(),
                args.length > 2 ? Long.parseLong(args[2]) : d.seed(), 0);
        long t = System.nanoTime();
        int workers = Integer.getInteger("unveil.verify.workers", 1);
        List<io.unveil.detector.FaceApiAnalyzer> analyzers = new ArrayList<>();
        try (var embedder = io.unveil.recognize.faceapi.FaceApiEmbedder.load()) {
            List<FaceChipper> chippers = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                analyzers.add(io.unveil.detector.FaceApiAnalyzer.load());
                chippers.add(new AnalyzerChipper(analyzers.get(i)));
            }
            Path cache = io.unveil.core.config.UnveilHome.dir().resolve("verification").resolve(o.datasetName() + "-"
                    + Integer.toHexString((io.unveil.detector.FaceApiAnalyzer.VERSION + "|CHIP_150|" + embedder.modelVersion()).hashCode())
                    + ".tsv");
            Result r = new FaceVerification(chippers, embedder).withCache(cache).run(o, System.out::println);
            System.out.printf("%s: %d photos, %d faces embedded, %d without a face, %d unreadable (%.0f s)%n",
                    o.datasetName(), r.images(), r.faces(), r.noFace(), r.unreadable(), (System.nanoTime() - t) / 1e9);
            System.out.println("pipeline: " + io.unveil.detector.FaceApiAnalyzer.VERSION + " -> CHIP_150 -> " + embedder.modelVersion()
                    + "; folds " + o.folds() + " x (" + o.pairsPerClassPerFold() + " same + " + o.pairsPerClassPerFold()
                    + " different), seed " + o.seed());
            for (SubsetResult s : r.subsets()) System.out.println(s.summary());
        } finally {
            analyzers.forEach(io.unveil.detector.FaceApiAnalyzer::close);
        }
    }

    static SubsetResult measure(Subset s, Options o, List<String> identities, List<float[]> descriptors) {
        List<String> ids = new ArrayList<>();
        List<float[]> desc = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            if (s == Subset.VALIDATION && !IdentitySplit.of(o.datasetName(), identities.get(i)).equals(IdentitySplit.Part.VALIDATION))
                continue;
            ids.add(identities.get(i));
            desc.add(descriptors.get(i));
        }
        List<PairFold> folds = PairProtocol.generate(ids, o.folds(), o.pairsPerClassPerFold(), o.seed());
        CrossValidation cv = VerificationMetrics.crossValidate(folds,
                p -> VerificationMetrics.euclidean(desc.get(p.first()), desc.get(p.second())));
        return new SubsetResult(s, (int) ids.stream().distinct().count(), ids.size(), cv);
    }
}
