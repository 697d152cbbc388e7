package io.unveil.research.train.idgan;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.idgan.Generator;
import io.unveil.research.data.AlignedFaceCache;
import io.unveil.research.data.AlignedSample;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aligned 128x128 faces of a shared data set: the detector's {@link AlignedFaceCache} (FACE_128 + aligned 68
 * landmarks) when it is built; otherwise, only with {@code allowHaar}, the Haar-cropped stand-in.
 */
public final class TrainingFaces {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingFaces.class);

    private TrainingFaces() {
    }

    public static List<TrainingFace> load(String dataset) {
        return load(dataset, false, false);
    }

    /**
     * @param build     build the aligned cache when it is missing (detects + aligns every photo once)
     * @param allowHaar use the Haar stand-in when there is no aligned cache
     */
    public static List<TrainingFace> load(String dataset, boolean build, boolean allowHaar) {
        Path dir = SharedData.set(dataset).orElseThrow(() -> new IllegalArgumentException(
                "data set '" + dataset + "' not found under ../shared/data (or -Dunveil.shared.data)"));
        Optional<AlignedFaceCache> cache = build ? Optional.of(AlignedFaceCache.build(dir)) : AlignedFaceCache.open(dir);
        if (cache.isPresent()) {
            List<TrainingFace> out = new ArrayList<>();
            for (AlignedSample s : cache.get().samples()) {
                RgbImage img = Images.read(s.png());
                if (img.width() != Generator.SIZE || img.height() != Generator.SIZE) img = Images.resize(img, Generator.SIZE, Generator.SIZE);
                out.add(new TrainingFace(img, s.landmarks128(), s.identity(), dir.relativize(s.sourceFile()).toString()));
            }
            LOG.info("{}: {} aligned FACE_128 faces from {}", dataset, out.size(), cache.get().dir());
            return out;
        }
        if (!allowHaar)
            throw new IllegalStateException("no aligned cache for " + dataset + " (build it with --build-cache, or "
                    + "pass --haar-fallback to train on Haar crops)");
        List<TrainingFace> faces = HaarFaceCrops.load(dir, dataset);
        LOG.warn("{}: no aligned cache; using {} Haar-cropped faces (no landmarks, not the FACE_128 geometry)", dataset,
                faces.size());
        return faces;
    }

    public static List<TrainingFace> part(List<TrainingFace> faces, String dataset, IdentitySplit.Part part) {
        return faces.stream().filter(f -> IdentitySplit.of(dataset, f.identity()) == part).toList();
    }
}
