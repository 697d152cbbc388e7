package io.unveil.inpaint.idgan;

import io.unveil.core.data.IdentitySplit;
import io.unveil.core.data.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The aligned faces of a shared data set, split by identity with {@link IdentitySplit}. */
public final class TrainingFaces {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingFaces.class);

    private TrainingFaces() {
    }

    /** All faces of the set (both parts); the caller filters with {@link #part}. */
    public static List<TrainingFace> load(String dataset) {
        Path dir = SharedData.set(dataset).orElseThrow(() -> new IllegalArgumentException(
                "data set '" + dataset + "' not found under ../shared/data (or -Dunveil.shared.data)"));
        List<TrainingFace> faces = HaarFaceCrops.load(dir, dataset);
        LOG.info("{}: {} faces (Haar-cropped stand-in for the aligned cache)", dataset, faces.size());
        return faces;
    }

    public static List<TrainingFace> part(List<TrainingFace> faces, String dataset, IdentitySplit.Part part) {
        return faces.stream().filter(f -> IdentitySplit.of(dataset, f.identity()) == part).toList();
    }
}
