package io.unveil.research.eval.inpaint;

import io.unveil.core.config.UnveilHome;
import io.unveil.core.image.Images;
import io.unveil.research.data.AlignFailure;
import io.unveil.research.data.AlignedFaceCache;
import io.unveil.research.data.AlignedSample;
import io.unveil.research.data.LabeledImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The face pipelines the evaluation can use. */
public final class FaceLoaders {
    private FaceLoaders() {
    }

    /**
     * Unveil's own detection and alignment through the shared {@link AlignedFaceCache} of the set folder (built once,
     * reused by training and evaluation): largest face, FACE_128 geometry, aligned landmarks. Photos where no face was
     * found are returned as failures.
     */
    public static FaceLoader detecting(Path setDir) {
        return new FaceLoader() {
            @Override
            public LoadedFaces load(String setName, List<LabeledImages.Item> items, ProgressBar progress) {
                AlignedFaceCache cache = cacheFor(setDir, setName, items);
                Map<Path, AlignedSample> ok = new HashMap<>();
                for (AlignedSample s : cache.samples()) ok.put(key(s.sourceFile()), s);
                Map<Path, AlignFailure> bad = new HashMap<>();
                for (AlignFailure f : cache.failures()) bad.put(key(f.sourceFile()), f);
                List<EvalFace> faces = new ArrayList<>();
                List<LoadedFaces.Failure> failures = new ArrayList<>();
                for (LabeledImages.Item it : items) {
                    AlignedSample s = ok.get(key(it.file()));
                    if (s != null) {
                        faces.add(new EvalFace(it.identity(), it.file(), Images.read(s.png()), s.landmarks128()));
                    } else {
                        AlignFailure f = bad.get(key(it.file()));
                        failures.add(new LoadedFaces.Failure(it.file(), it.identity(), f != null ? f.reason() : "not in the aligned cache"));
                    }
                    progress.step();
                }
                return new LoadedFaces(faces, failures);
            }

            @Override
            public String describe() {
                return "Unveil AlignedFaceCache (" + AlignedFaceCache.PIPELINE_VERSION + ")";
            }
        };
    }

    /**
     * The whole set's cache when it exists or when all of the set is evaluated; else a cache of just the evaluated
     * images (e.g. the VALIDATION identities), built from a labels.csv view under {@code <unveil.home>/eval-sets/},
     * so evaluating never spends time aligning identities it will not use.
     */
    public static AlignedFaceCache cacheFor(Path setDir, String setName, List<LabeledImages.Item> items) {
        var full = AlignedFaceCache.open(setDir);
        if (full.isPresent()) return full.get();
        Set<Path> wanted = new HashSet<>();
        for (LabeledImages.Item it : items) wanted.add(key(it.file()));
        boolean whole = LabeledImages.load(setDir).items().stream().allMatch(it -> wanted.contains(key(it.file())));
        if (whole) return AlignedFaceCache.build(setDir);
        StringBuilder csv = new StringBuilder("file,identity\n");
        for (LabeledImages.Item it : items) csv.append(key(it.file())).append(',').append(it.identity()).append('\n');
        String hash = Integer.toHexString(csv.toString().hashCode());
        Path view = UnveilHome.dir().resolve("eval-sets").resolve(setName + "-" + items.size() + "-" + hash);
        try {
            Files.createDirectories(view);
            Files.writeString(view.resolve("labels.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation set view " + view, e);
        }
        return AlignedFaceCache.build(view);
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
