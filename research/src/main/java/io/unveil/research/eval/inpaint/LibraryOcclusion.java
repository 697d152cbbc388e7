package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Occlusion protocols drawn by the project's occluder library ({@link Occluders}): the paper's random 48x48 white
 * block, the centred block, one realistic occluder type, or "realistic" = per face a seeded pick among all realistic
 * types. Faces without detected landmarks (pre-aligned sets) use the mean face's landmarks, which is where an aligned
 * face's parts are.
 */
public final class LibraryOcclusion implements OcclusionProtocol {
    private final String name;
    private final List<OccluderType> types;

    private LibraryOcclusion(String name, List<OccluderType> types) {
        this.name = name;
        this.types = types;
    }

    public static LibraryOcclusion of(OccluderType type) {
        return new LibraryOcclusion(type == OccluderType.BLOCK_RANDOM_48 ? "block-random-48"
                : type == OccluderType.BLOCK_CENTER ? "block-center-48" : type.name().toLowerCase(Locale.ROOT).replace('_', '-'), List.of(type));
    }

    public static LibraryOcclusion randomBlock() {
        return of(OccluderType.BLOCK_RANDOM_48);
    }

    public static LibraryOcclusion centerBlock() {
        return of(OccluderType.BLOCK_CENTER);
    }

    public static LibraryOcclusion realistic() {
        return new LibraryOcclusion("realistic", Arrays.stream(OccluderType.values()).filter(t -> !t.isBlock()).toList());
    }

    /** block-random-48 | block-center-48 | realistic | an occluder type (medical-mask, sunglasses, ...). */
    public static LibraryOcclusion parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "block-random-48", "random", "block-random", "random-48" -> {
                return randomBlock();
            }
            case "block-center-48", "center", "centre", "block-center" -> {
                return centerBlock();
            }
            case "realistic" -> {
                return realistic();
            }
            default -> {
                try {
                    return of(OccluderType.valueOf(k.toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown occlusion '" + s + "': use block-random-48, block-center-48, realistic or one of "
                            + Arrays.stream(OccluderType.values()).map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
                }
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** The occluder type {@link #apply} draws for {@code seed}. */
    OccluderType typeFor(long seed) {
        return types.size() == 1 ? types.get(0) : types.get(new SplittableRandom(seed).nextInt(types.size()));
    }

    /**
     * The name of what {@link #apply} draws for {@code seed}: this protocol's name for one type, else the type drawn
     * (medical-mask, hand, ...), so a report of a "realistic" run can say which occluder each face wore.
     */
    public String drawnName(long seed) {
        return types.size() == 1 ? name : typeFor(seed).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Occluded apply(RgbImage face128, float[] landmarks128, long seed) {
        OccluderType t = typeFor(seed);
        float[] lm = landmarks128 != null ? landmarks128 : MeanFace.landmarks(face128.width());
        io.unveil.research.occluders.Occluded o = Occluders.apply(face128, lm, t, seed);
        boolean[] mask = new boolean[o.mask().length];
        for (int i = 0; i < mask.length; i++) mask[i] = o.mask()[i] != 0;
        return new Occluded(o.image(), mask);
    }

    @Override
    public boolean needsLandmarks() {
        return types.stream().anyMatch(t -> !t.isBlock());
    }
}
