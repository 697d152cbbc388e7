package io.unveil.inpaint.eval;

import io.unveil.core.image.RgbImage;
import java.util.Random;

/**
 * The paper's synthetic occlusion: a square block pre-filled white. {@link #random48()} places a 48x48 block uniformly
 * at random inside the 128x128 face (the paper's test protocol); {@link #center48()} puts it at the centre (nose and
 * the inner eye corners). Sizes scale with the face if it is not 128 px.
 */
public final class BlockOcclusion implements OcclusionProtocol {
    private final int size;
    private final boolean random;

    private BlockOcclusion(int size, boolean random) {
        this.size = size;
        this.random = random;
    }

    public static BlockOcclusion random48() {
        return new BlockOcclusion(48, true);
    }

    public static BlockOcclusion center48() {
        return new BlockOcclusion(48, false);
    }

    @Override
    public String name() {
        return random ? "block-random-" + size : "block-center-" + size;
    }

    @Override
    public Occluded apply(RgbImage face, float[] landmarks128, long seed) {
        int w = face.width(), h = face.height();
        int bw = Math.round(size * w / 128f), bh = Math.round(size * h / 128f);
        int x0, y0;
        if (random) {
            Random r = new Random(seed);
            x0 = r.nextInt(w - bw + 1);
            y0 = r.nextInt(h - bh + 1);
        } else {
            x0 = (w - bw) / 2;
            y0 = (h - bh) / 2;
        }
        byte[] d = face.data().clone();
        boolean[] mask = new boolean[w * h];
        for (int y = y0; y < y0 + bh; y++)
            for (int x = x0; x < x0 + bw; x++) {
                mask[y * w + x] = true;
                int i = (y * w + x) * 3;
                d[i] = d[i + 1] = d[i + 2] = (byte) 255;
            }
        return new Occluded(new RgbImage(w, h, d), mask);
    }
}
