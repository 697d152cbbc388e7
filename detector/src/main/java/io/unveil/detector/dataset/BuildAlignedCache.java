package io.unveil.detector.dataset;

import io.unveil.core.data.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds (or reuses) the aligned cache of a labelled set and prints its counts:
 * {@code java ... io.unveil.detector.dataset.BuildAlignedCache celeba-subset} (a set name under the shared data, or
 * a folder).
 */
public final class BuildAlignedCache {
    private BuildAlignedCache() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BuildAlignedCache <set name under shared data | folder>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            dir = SharedData.set(args[0]).orElseThrow(() -> new IllegalArgumentException(
                    "no folder " + args[0] + " and no shared data set of that name"));
        }
        long t0 = System.nanoTime();
        AlignedFaceCache cache = AlignedFaceCache.build(dir);
        long identities = cache.samples().stream().map(AlignedSample::identity).distinct().count();
        System.out.printf("%s: %d aligned faces of %d identities, %d failures, in %s (%.0f s)%n", dir.getFileName(),
                cache.samples().size(), identities, cache.failures().size(), cache.dir(), (System.nanoTime() - t0) / 1e9);
    }
}
