package io.unveil.research.calibrate;

import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.calibrate.CalibrationResult;
import io.unveil.detector.align.FaceChips;
import io.unveil.research.data.LabeledImages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code unveil calibrate --data DIR --far 1e-3}: embeds every image of a labelled set (largest face, aligned chip),
 * scores probes against identity centroids and writes the threshold for the target FAR as a calibration JSON file.
 */
public final class Calibrate {
    /** @param force write the calibration even when the set has too few impostor scores for {@code far} (with a warning) */
    public record Options(Path data, double far, Path out, int maxPerIdentity, Set<String> excludeIdentities, boolean force) {
    }

    private final FaceChips chips;
    private final Embedder embedder;
    private final PrintStream progress;

    public Calibrate(FaceChips chips, Embedder embedder, PrintStream progress) {
        this.chips = chips;
        this.embedder = embedder;
        this.progress = progress;
    }

    public CalibrationResult run(Options o) {
        LabeledImages set = LabeledImages.load(o.data());
        Map<String, List<float[]>> byId = new LinkedHashMap<>();
        int done = 0, noFace = 0, unreadable = 0;
        Map<String, List<Path>> groups = set.byIdentity();
        int total = groups.values().stream().mapToInt(l -> Math.min(l.size(), o.maxPerIdentity())).sum();
        for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
            if (o.excludeIdentities() != null && o.excludeIdentities().contains(g.getKey())) continue;
            List<RgbImage> batch = new ArrayList<>();
            for (Path p : g.getValue().subList(0, Math.min(g.getValue().size(), o.maxPerIdentity()))) {
                done++;
                try {
                    FaceChips.Chip c = chips.largest(Images.read(p));
                    if (c == null) noFace++;
                    else batch.add(c.chip());
                } catch (ImageDecodeException e) {
                    unreadable++;
                }
                if (progress != null && done % 50 == 0) progress.printf("calibrate: %d/%d images%n", done, total);
            }
            if (batch.isEmpty()) continue;
            byId.put(g.getKey(), new ArrayList<>(List.of(embedder.embed(batch))));
        }
        if (progress != null)
            progress.printf("calibrate: %d identities, %d images without a face, %d unreadable%n", byId.size(), noFace, unreadable);
        Calibration.Scores scores = Calibration.scores(byId);
        String tooFew = Calibration.tooFewImpostors(scores, o.far());
        if (tooFew != null && !o.force()) throw new IllegalArgumentException(tooFew + "; nothing written (--force writes it anyway)");
        if (tooFew != null && progress != null) progress.println("WARNING (--force): " + tooFew);
        CalibrationResult r = Calibration.pick(scores, o.far()).withSource(o.data().toString(), embedder.modelVersion());
        if (o.out() != null) r.write(o.out());
        return r;
    }
}
