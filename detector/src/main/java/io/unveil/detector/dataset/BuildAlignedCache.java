package io.unveil.detector.dataset;

import io.unveil.core.data.SharedData;
import io.unveil.core.image.Images;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
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
        if (!cache.samples().isEmpty()) {
            Path preview = cache.dir().resolve("preview.png");
            writePreview(cache.samples(), preview, 8);
            System.out.println("preview (" + 8 * 8 + " samples with their aligned landmarks): " + preview);
        }
    }

    /** A grid of aligned faces spread over the set, aligned landmarks drawn as green dots. */
    public static void writePreview(List<AlignedSample> samples, Path png, int grid) {
        int cell = 128;
        BufferedImage sheet = new BufferedImage(grid * cell, grid * cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        int n = Math.min(grid * grid, samples.size());
        for (int i = 0; i < n; i++) {
            AlignedSample s = samples.get((int) ((long) i * samples.size() / n));
            int ox = (i % grid) * cell, oy = (i / grid) * cell;
            g.drawImage(Images.toBufferedImage(Images.read(s.png())), ox, oy, null);
            g.setColor(Color.GREEN);
            float[] lm = s.landmarks128();
            for (int k = 0; k < 68; k++) g.fillRect(ox + Math.round(lm[2 * k]) - 1, oy + Math.round(lm[2 * k + 1]) - 1, 2, 2);
        }
        g.dispose();
        try {
            ImageIO.write(sheet, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
