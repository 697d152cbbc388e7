package io.unveil.research.train.recognizer;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.data.AlignedFaceCache;
import io.unveil.research.data.AlignedSample;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.data.SharedData;
import io.unveil.research.eval.inpaint.FaceLoaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The aligned FACE_128 faces the recognizer trainer uses: TRAIN identities of every shared labelled set it is given
 * (unlabelled use: identities only keep the split honest), and the VALIDATION identities of celeba-subset for the
 * periodic numbers, through the same aligned-cache views the evaluation builds (so neither aligns a photo twice).
 */
final class RecognizerData {
    private RecognizerData() {
    }

    /** Faces of {@code dataset} whose identity passes {@code keep}, aligned once and cached. */
    static List<AlignedFace> load(String dataset, Predicate<String> keep) {
        Path dir = SharedData.set(dataset).orElseThrow(() -> new IllegalArgumentException(
                "data set '" + dataset + "' not found under ../shared/data (or -Dunveil.shared.data)"));
        List<LabeledImages.Item> items = LabeledImages.load(dir).items().stream().filter(it -> keep.test(it.identity())).toList();
        AlignedFaceCache cache = FaceLoaders.cacheFor(dir, dataset, items);
        List<AlignedFace> out = new ArrayList<>();
        for (AlignedSample s : cache.samples()) {
            if (!keep.test(s.identity())) continue;
            RgbImage img = Images.read(s.png());
            out.add(new AlignedFace(img, s.landmarks128(), s.identity(), s.sourceFile().getFileName().toString()));
        }
        return out;
    }

    static List<AlignedFace> train(String dataset) {
        return load(dataset, id -> IdentitySplit.isTrain(dataset, id));
    }

    /** The VALIDATION view (the one {@code unveil eval} aligns), then only the identities of {@code subset}. */
    static List<AlignedFace> validation(String dataset, IdentitySplit.Subset subset) {
        return load(dataset, id -> IdentitySplit.of(dataset, id) == IdentitySplit.Part.VALIDATION).stream()
                .filter(f -> subset.contains(dataset, f.identity())).toList();
    }
}
