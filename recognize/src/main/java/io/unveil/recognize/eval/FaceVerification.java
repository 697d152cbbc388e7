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
import java.util.Optional;
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

    private final FaceChipper chipper;
    private final Embedder embedder;

    public FaceVerification(FaceChipper chipper, Embedder embedder) {
        this.chipper = chipper;
        this.embedder = embedder;
    }

    public Result run(Options o, Consumer<String> progress) {
        LabeledImages set = LabeledImages.load(o.dataset());
        List<LabeledImages.Item> items = set.items();
        if (o.maxImages() > 0 && items.size() > o.maxImages()) items = items.subList(0, o.maxImages());
        List<String> identities = new ArrayList<>();
        List<float[]> descriptors = new ArrayList<>();
        List<RgbImage> pending = new ArrayList<>();
        List<String> pendingIds = new ArrayList<>();
        int noFace = 0, unreadable = 0, done = 0;
        long start = System.nanoTime();
        for (LabeledImages.Item it : items) {
            RgbImage photo;
            try {
                photo = Images.read(it.file());
            } catch (ImageDecodeException e) {
                LOG.warn("skipping unreadable {}: {}", it.file(), e.getMessage());
                unreadable++;
                continue;
            }
            Optional<RgbImage> chip = chipper.chip(photo);
            if (chip.isEmpty()) {
                noFace++;
            } else {
                pending.add(chip.get());
                pendingIds.add(it.identity());
            }
            if (pending.size() == BATCH) flush(pending, pendingIds, identities, descriptors);
            if (++done % 250 == 0)
                progress.accept(String.format("%d/%d photos, %d faces, %d without face, %.1f s", done, items.size(),
                        descriptors.size() + pending.size(), noFace, (System.nanoTime() - start) / 1e9));
        }
        flush(pending, pendingIds, identities, descriptors);
        List<SubsetResult> results = new ArrayList<>();
        for (Subset s : o.subsets()) results.add(measure(s, o, identities, descriptors));
        return new Result(items.size(), descriptors.size(), noFace, unreadable, results);
    }

    private void flush(List<RgbImage> chips, List<String> ids, List<String> identities, List<float[]> descriptors) {
        if (chips.isEmpty()) return;
        float[][] d = embedder.embed(chips);
        for (int i = 0; i < d.length; i++) {
            descriptors.add(d[i]);
            identities.add(ids.get(i));
        }
        chips.clear();
        ids.clear();
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
        try (var analyzer = io.unveil.detector.FaceApiAnalyzer.load();
             var embedder = io.unveil.recognize.faceapi.FaceApiEmbedder.load()) {
            Result r = new FaceVerification(new AnalyzerChipper(analyzer), embedder).run(o, System.out::println);
            System.out.printf("%s: %d photos, %d faces embedded, %d without a face, %d unreadable (%.0f s)%n",
                    o.datasetName(), r.images(), r.faces(), r.noFace(), r.unreadable(), (System.nanoTime() - t) / 1e9);
            System.out.println("pipeline: " + io.unveil.detector.FaceApiAnalyzer.VERSION + " -> CHIP_150 -> " + embedder.modelVersion()
                    + "; folds " + o.folds() + " x (" + o.pairsPerClassPerFold() + " same + " + o.pairsPerClassPerFold()
                    + " different), seed " + o.seed());
            for (SubsetResult s : r.subsets()) System.out.println(s.summary());
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
