package io.unveil.inpaint.occlusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.OcclusionRegion;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticOccluderTest {
    static final int SIZE = 150;
    static final float[] LM = MeanFace.landmarks(SIZE);

    static RgbImage grey() {
        byte[] px = new byte[SIZE * SIZE * 3];
        Arrays.fill(px, (byte) 128);
        return new RgbImage(SIZE, SIZE, px);
    }

    static boolean covered(byte[] mask, int landmark) {
        int x = Math.round(LM[2 * landmark]), y = Math.round(LM[2 * landmark + 1]);
        return mask[y * SIZE + x] != 0;
    }

    @Test
    void theLowerFaceMaskCoversNoseTipMouthAndChinButNotTheEyes() {
        SyntheticOccluder.Drawn d = SyntheticOccluder.draw(grey(), LM, OcclusionRegion.LOWER);
        for (int i : new int[]{30, 33, 48, 54, 57, 62}) assertTrue(covered(d.mask(), i), "landmark " + i + " under the mask");
        for (int i : new int[]{36, 39, 42, 45, 19, 24}) assertTrue(!covered(d.mask(), i), "landmark " + i + " left free");
    }

    @Test
    void sunglassesCoverTheEyesButNotTheMouth() {
        SyntheticOccluder.Drawn d = SyntheticOccluder.draw(grey(), LM, OcclusionRegion.EYES);
        for (int i : new int[]{36, 37, 39, 42, 44, 45}) assertTrue(covered(d.mask(), i), "landmark " + i + " behind a lens");
        for (int i : new int[]{48, 54, 57, 62, 33}) assertTrue(!covered(d.mask(), i), "landmark " + i + " left free");
    }

    @Test
    void drawingIsDeterministicAndOnlyTouchesTheMask() {
        RgbImage face = grey();
        for (OcclusionRegion r : OcclusionRegion.values()) {
            SyntheticOccluder.Drawn a = SyntheticOccluder.draw(face, LM, r), b = SyntheticOccluder.draw(face, LM, r);
            assertArrayEquals(a.image().data(), b.image().data(), "same face, same occluder: same centroid on re-enrollment");
            int changed = 0, outside = 0;
            for (int i = 0; i < SIZE * SIZE; i++) {
                boolean diff = a.image().data()[3 * i] != face.data()[3 * i] || a.image().data()[3 * i + 2] != face.data()[3 * i + 2];
                if (diff) changed++;
                if (diff && a.mask()[i] == 0) outside++;
            }
            assertEquals(0, outside, r + ": no pixel outside the mask changes");
            assertTrue(changed > SIZE * SIZE / 50, r + ": the occluder covers a real part of the face (" + changed + " px)");
        }
    }
}
