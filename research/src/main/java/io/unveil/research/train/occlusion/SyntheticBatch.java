package io.unveil.research.train.occlusion;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.occluders.Layer;
import io.unveil.research.occluders.Occluded;
import io.unveil.research.occluders.OccluderMix;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Training examples: an aligned face with zero, one or two synthetic occluders, then whole-image photometric
 * augmentation (brightness, contrast, colour cast, noise) and a random horizontal flip of image and mask. Everything
 * is a pure function of the seed, so training resumes reproducibly.
 */
final class SyntheticBatch {
    record Example(RgbImage image, byte[] mask, String type) {
    }

    private final Occluders occluders;
    private final OccluderMix mix;
    private final double secondOccluder;

    SyntheticBatch(Occluders occluders, OccluderMix mix, double secondOccluder) {
        this.occluders = occluders;
        this.mix = mix;
        this.secondOccluder = secondOccluder;
    }

    Example make(AlignedFace s, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Optional<OccluderType> t = mix.sample(rng);
        RgbImage img = s.face();
        byte[] mask = new byte[img.width() * img.height()];
        String name = "NONE";
        if (t.isPresent()) {
            Occluded o = occluders.draw(img, s.landmarks(), t.get(), rng.nextLong());
            img = o.image();
            mask = o.mask().clone();
            name = t.get().name();
            if (rng.nextDouble() < secondOccluder) {
                OccluderType t2 = OccluderType.values()[2 + rng.nextInt(OccluderType.values().length - 2)];
                Occluded o2 = occluders.draw(img, s.landmarks(), t2, rng.nextLong());
                img = o2.image();
                for (int i = 0; i < mask.length; i++) mask[i] |= o2.mask()[i];
                name += "+" + t2.name();
            }
        }
        img = photometric(img, rng);
        if (rng.nextBoolean()) {
            img = Images.mirror(img);
            mask = flip(mask, img.width(), img.height());
        }
        return new Example(img, mask, name);
    }

    List<Example> make(List<AlignedFace> pool, int batch, long stepSeed) {
        SplittableRandom rng = new SplittableRandom(stepSeed);
        List<Example> out = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) out.add(make(pool.get(rng.nextInt(pool.size())), rng.nextLong()));
        return out;
    }

    static RgbImage photometric(RgbImage img, SplittableRandom rng) {
        double gain = 0.75 + rng.nextDouble() * 0.5, contrast = 0.75 + rng.nextDouble() * 0.5;
        double[] cast = {1 + (rng.nextDouble() - 0.5) * 0.16, 1 + (rng.nextDouble() - 0.5) * 0.16, 1 + (rng.nextDouble() - 0.5) * 0.16};
        double noise = rng.nextDouble() < 0.5 ? 0 : rng.nextDouble() * 6;
        byte[] d = img.data(), o = new byte[d.length];
        for (int i = 0; i < d.length; i++) {
            double v = ((d[i] & 0xff) - 128) * contrast + 128;
            v = v * gain * cast[i % 3] + (noise > 0 ? Layer.gauss(rng) * noise : 0);
            o[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        return new RgbImage(img.width(), img.height(), o);
    }

    static byte[] flip(byte[] m, int w, int h) {
        byte[] o = new byte[m.length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) o[y * w + (w - 1 - x)] = m[y * w + x];
        return o;
    }
}
