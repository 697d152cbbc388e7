package io.unveil.research.occluders;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face-mask textures (PNG with alpha, e.g. {@code ../shared/data/occluders}), loaded at run time from the data folder
 * and never bundled. Empty when the folder is absent: masks are then drawn procedurally.
 */
public final class MaskTextures {
    private static final Logger LOG = LoggerFactory.getLogger(MaskTextures.class);

    /** One texture: ARGB pixels, cropped to the bounding box of its opaque part. */
    record Texture(String name, int width, int height, int[] argb) {
        int sample(double u, double v) {
            int x = (int) Math.floor(u * width), y = (int) Math.floor(v * height);
            if (x < 0 || y < 0 || x >= width || y >= height) return 0;
            return argb[y * width + x];
        }
    }

    private final List<Texture> textures;

    private MaskTextures(List<Texture> textures) {
        this.textures = List.copyOf(textures);
    }

    public static MaskTextures none() {
        return new MaskTextures(List.of());
    }

    /** Loads every *.png with an alpha channel in the folder (sorted by name, so seeds stay reproducible). */
    public static MaskTextures load(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            LOG.info("no occluder texture folder ({}): face masks are drawn procedurally", dir);
            return none();
        }
        List<Texture> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png")).sorted().toList()) {
                BufferedImage bi = ImageIO.read(f.toFile());
                if (bi == null || !bi.getColorModel().hasAlpha()) {
                    LOG.warn("skipping occluder texture {} (not a PNG with alpha)", f);
                    continue;
                }
                out.add(crop(f.getFileName().toString(), bi));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read occluder textures in " + dir, e);
        }
        LOG.info("loaded {} occluder textures from {}", out.size(), dir);
        return new MaskTextures(out);
    }

    private static Texture crop(String name, BufferedImage bi) {
        int w = bi.getWidth(), h = bi.getHeight();
        int[] px = bi.getRGB(0, 0, w, h, null, 0, w);
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if ((px[y * w + x] >>> 24) >= 128) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
        if (x1 < 0) return new Texture(name, w, h, px);
        int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
        int[] c = new int[cw * ch];
        for (int y = 0; y < ch; y++) System.arraycopy(px, (y + y0) * w + x0, c, y * cw, cw);
        return new Texture(name, cw, ch, c);
    }

    public boolean isEmpty() {
        return textures.isEmpty();
    }

    public int size() {
        return textures.size();
    }

    Texture get(int i) {
        return textures.get(i);
    }
}
