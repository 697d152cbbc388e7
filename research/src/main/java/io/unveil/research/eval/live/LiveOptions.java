package io.unveil.research.eval.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A live test: the labelled set (and its name, for the identity split; {@code validationOnly} keeps the VALIDATION
 * identities), how many enrolled people and strangers, enrollment photos each and photos shown each, the occlusion
 * protocol ("none", "realistic", "block-random-48" or an occluder type) and the share of segments it is drawn on, the
 * seed, the pipeline's roles (null = all) and {@code --set} overrides, the video timing and camera rate cap, the report
 * folder and a time limit for the pipeline run. {@code distractors}: people enrolled but never shown (identities outside
 * the cast: TRAIN identities with {@code validationOnly}), so the gallery is as big as a site's and a stranger is
 * compared with that many identities.
 */
public record LiveOptions(Path data, String setName, boolean validationOnly, int enrolled, int strangers, int enrollPhotos, int shownPhotos,
                          String occlusion, double occludedShare, long seed, List<String> roles, List<String> sets, double fps, double cameraFps,
                          double showSeconds, Path out, Duration timeout, int distractors) {
    public LiveOptions(Path data, String setName, boolean validationOnly, int enrolled, int strangers, int enrollPhotos, int shownPhotos,
                       String occlusion, double occludedShare, long seed, List<String> roles, List<String> sets, double fps, double cameraFps,
                       double showSeconds, Path out, Duration timeout) {
        this(data, setName, validationOnly, enrolled, strangers, enrollPhotos, shownPhotos, occlusion, occludedShare, seed, roles, sets,
                fps, cameraFps, showSeconds, out, timeout, 0);
    }

    public LiveOptions {
        if (distractors < 0) throw new IllegalArgumentException("--distractors must be >= 0");
        if (occludedShare < 0 || occludedShare > 1) throw new IllegalArgumentException("--occluded-share must be in [0,1]");
        if (cameraFps < 0) throw new IllegalArgumentException("--camera-fps must be >= 0");
    }

    public boolean occludes() {
        return !occlusion.equalsIgnoreCase("none") && occludedShare > 0;
    }
}
