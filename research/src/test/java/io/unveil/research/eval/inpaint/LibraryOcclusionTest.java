package io.unveil.research.eval.inpaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.research.occluders.Occluders;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LibraryOcclusionTest {
    /**
     * The name a report gives a "realistic" face is the type {@code apply} drew on it (the same seed draws the same
     * occluder as the library does for that type), and a run of many seeds names several types.
     */
    @Test
    void theDrawnNameIsTheTypeApplyDraws() {
        LibraryOcclusion realistic = LibraryOcclusion.realistic();
        byte[] d = new byte[128 * 128 * 3];
        java.util.Arrays.fill(d, (byte) 150);
        RgbImage face = new RgbImage(128, 128, d);
        float[] lm = MeanFace.landmarks(128);
        Set<String> names = new HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            String name = realistic.drawnName(seed);
            names.add(name);
            LibraryOcclusion one = LibraryOcclusion.parse(name);
            assertEquals(one.typeFor(seed), realistic.typeFor(seed));
            assertTrue(java.util.Arrays.equals(Occluders.apply(face, lm, one.typeFor(seed), seed).image().data(),
                    realistic.apply(face, lm, seed).image().data()), "seed " + seed + ": " + name + " is not what was drawn");
        }
        assertTrue(names.size() >= 4, "40 seeds drew only " + names);
        assertEquals("medical-mask", LibraryOcclusion.parse("medical-mask").drawnName(7));
        assertEquals("block-random-48", LibraryOcclusion.randomBlock().drawnName(7));
    }
}
