package io.unveil.research.train.occlusion;

import io.unveil.core.config.UnveilHome;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.inpaint.occlusion.OcclusionNet;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.data.AlignedFaceCache;
import io.unveil.research.data.AlignedSample;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.data.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aligned faces of a labelled set via {@link AlignedFaceCache}. When the full shared cache of the set exists it is
 * used (up to {@code perIdentity} faces of each identity); otherwise a cache of that subset alone is built once under
 * {@code <unveil.home>/aligned/<set>-k<perIdentity>-d<detectorSize>/} (a labels.csv pointing at the original photos),
 * so training need not wait for the whole set to be detected on a busy CPU.
 */
public final class OcclusionData {
    private OcclusionData() {
    }

    /** @param perIdentity at most this many photos per identity (0 = all); @param detectorSize TinyFaceDetector input */
    public static List<AlignedFace> load(Path setDir, int perIdentity, int detectorSize) {
        Optional<AlignedFaceCache> full = AlignedFaceCache.open(setDir);
        if (full.isPresent()) return limit(read(full.get()), perIdentity);
        if (perIdentity <= 0 && detectorSize == 416) return read(AlignedFaceCache.build(setDir));
        Path subset = subsetFolder(setDir, perIdentity, detectorSize);
        Optional<AlignedFaceCache> ready = AlignedFaceCache.open(subset, subset.resolve("cache"));
        if (ready.isPresent()) return read(ready.get());
        try (FaceApiAnalyzer analyzer = FaceApiAnalyzer.load(detectorSize, 0.5f)) {
            return read(AlignedFaceCache.build(subset, subset.resolve("cache"), analyzer,
                    ProgressListener.stderr(subset.getFileName().toString())));
        }
    }

    /** Writes (once) a labels.csv listing up to perIdentity photos of each identity, absolute paths. */
    static Path subsetFolder(Path setDir, int perIdentity, int detectorSize) {
        LabeledImages set = LabeledImages.load(setDir);
        String name = setDir.toAbsolutePath().normalize().getFileName() + "-k" + perIdentity + "-d" + detectorSize;
        Path dir = UnveilHome.dir().resolve("aligned").resolve(name);
        StringBuilder csv = new StringBuilder("file,identity\n");
        for (Map.Entry<String, List<Path>> e : set.byIdentity().entrySet()) {
            List<Path> files = e.getValue();
            for (int i = 0; i < files.size() && (perIdentity <= 0 || i < perIdentity); i++)
                csv.append(files.get(i).toAbsolutePath().normalize()).append(',').append(e.getKey()).append('\n');
        }
        try {
            Files.createDirectories(dir);
            Path labels = dir.resolve("labels.csv");
            if (!Files.exists(labels) || !Files.readString(labels).contentEquals(csv)) Files.writeString(labels, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write subset list under " + dir, e);
        }
        return dir;
    }

    static List<AlignedFace> limit(List<AlignedFace> all, int perIdentity) {
        if (perIdentity <= 0) return all;
        List<AlignedFace> out = new ArrayList<>();
        Map<String, Integer> count = new java.util.HashMap<>();
        for (AlignedFace f : all)
            if (count.merge(f.identity(), 1, Integer::sum) <= perIdentity) out.add(f);
        return out;
    }

    public static List<AlignedFace> read(AlignedFaceCache cache) {
        List<AlignedFace> out = new ArrayList<>(cache.samples().size());
        for (AlignedSample s : cache.samples()) {
            RgbImage img = Images.read(s.png());
            if (img.width() != OcclusionNet.SIZE || img.height() != OcclusionNet.SIZE)
                img = Images.resize(img, OcclusionNet.SIZE, OcclusionNet.SIZE);
            out.add(new AlignedFace(img, s.landmarks128(), s.identity(), s.sourceFile().getFileName().toString()));
        }
        return out;
    }
}
