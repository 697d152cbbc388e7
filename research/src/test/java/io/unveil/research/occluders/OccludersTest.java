package io.unveil.research.occluders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.FaceRegions;
import io.unveil.inpaint.occlusion.FaceRegions.Region;
import io.unveil.inpaint.occlusion.MaskImages;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.research.data.TestFaces;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OccludersTest {
    private static final float[] LM = MeanFace.landmarks128();
    private final Occluders procedural = new Occluders(MaskTextures.none(), PatchSource.NONE);
    private final Occluders standard = Occluders.standard();

    @Test
    void pixelsChangeOnlyInsideTheMaskForEveryType() {
        for (Occluders occ : new Occluders[]{procedural, standard})
            for (OccluderType t : OccluderType.values())
                for (long seed = 0; seed < 12; seed++) {
                    RgbImage face = TestFaces.synthetic(seed);
                    Occluded o = occ.draw(face, LM, t, seed);
                    int changed = 0;
                    for (int i = 0; i < o.mask().length; i++) {
                        boolean diff = o.image().data()[3 * i] != face.data()[3 * i]
                                || o.image().data()[3 * i + 1] != face.data()[3 * i + 1]
                                || o.image().data()[3 * i + 2] != face.data()[3 * i + 2];
                        if (diff) {
                            changed++;
                            assertEquals(1, o.mask()[i], t + " seed " + seed + " changed pixel " + i + " outside the mask");
                        }
                    }
                    assertTrue(o.area() > 30, t + " seed " + seed + " drew almost nothing: " + o.area());
                    // the occluder must actually be visible: most masked pixels differ from the face
                    assertTrue(changed > 0.5 * o.area(), t + " seed " + seed + ": only " + changed + " of " + o.area() + " masked pixels changed");
                    assertEquals(t, o.type());
                }
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        RgbImage face = TestFaces.synthetic(7);
        for (OccluderType t : OccluderType.values()) {
            Occluded a = standard.draw(face, LM, t, 42), b = standard.draw(face, LM, t, 42);
            assertArrayEquals(a.mask(), b.mask(), t.name());
            assertArrayEquals(a.image().data(), b.image().data(), t.name());
            if (t == OccluderType.BLOCK_CENTER) continue;
            Occluded c = standard.draw(face, LM, t, 43);
            assertFalse(Arrays.equals(a.image().data(), c.image().data()), t + ": seeds 42 and 43 gave the same image");
        }
    }

    @Test
    void blocksFollowThePaperProtocol() {
        RgbImage face = TestFaces.synthetic(1);
        for (long seed = 0; seed < 50; seed++) {
            Occluded o = standard.draw(face, LM, OccluderType.BLOCK_RANDOM_48, seed);
            assertEquals(48 * 48, o.area());
            int minX = 128, minY = 128, maxX = -1, maxY = -1;
            for (int y = 0; y < 128; y++)
                for (int x = 0; x < 128; x++)
                    if (o.masked(x, y)) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                        assertEquals(-1, o.image().data()[(y * 128 + x) * 3], "block is pre-filled white");
                    }
            assertEquals(47, maxX - minX);
            assertEquals(47, maxY - minY);
        }
        Occluded c = standard.draw(face, LM, OccluderType.BLOCK_CENTER, 0);
        assertTrue(c.masked(40, 40) && c.masked(87, 87) && !c.masked(39, 40) && !c.masked(88, 88));
    }

    /** Mean coverage of a region over seeds, with the mean face and a rolled, shifted, scaled copy of it. */
    private double coverage(Occluders occ, OccluderType t, Region region, float[] lm) {
        double s = 0;
        int n = 12;
        FaceRegions fr = new FaceRegions(lm, 128, 128);
        for (long seed = 0; seed < n; seed++) s += fr.coverage(region, occ.draw(TestFaces.synthetic(seed), lm, t, seed).mask());
        return s / n;
    }

    @Test
    void eachTypeCoversItsIntendedRegion() {
        for (float[] lm : new float[][]{LM, transform(LM, 0.2, 0.92, 3, -2)}) {
            for (Occluders occ : new Occluders[]{procedural, standard}) {
                for (OccluderType m : new OccluderType[]{OccluderType.MEDICAL_MASK, OccluderType.CLOTH_MASK}) {
                    assertTrue(coverage(occ, m, Region.MOUTH_CHIN, lm) > 0.9, m + " mouth-chin");
                    assertTrue(coverage(occ, m, Region.MOUTH, lm) > 0.95, m + " mouth");
                    assertTrue(coverage(occ, m, Region.EYES, lm) < 0.03, m + " eyes");
                }
            }
            assertTrue(coverage(standard, OccluderType.SUNGLASSES, Region.EYES, lm) > 0.85, "sunglasses eyes");
            assertTrue(coverage(standard, OccluderType.SUNGLASSES, Region.MOUTH, lm) < 0.01, "sunglasses mouth");
            double g = coverage(standard, OccluderType.GLASSES, Region.EYES, lm);
            assertTrue(g > 0.05 && g < 0.6, "glasses rims touch the eye region but leave the eyes visible: " + g);
            assertTrue(coverage(standard, OccluderType.SCARF, Region.MOUTH_CHIN, lm) > 0.75, "scarf mouth-chin");
            assertTrue(coverage(standard, OccluderType.SCARF, Region.EYES, lm) < 0.01, "scarf eyes");
            assertTrue(coverage(standard, OccluderType.HAT_HAIR, Region.MOUTH, lm) < 0.01, "hat mouth");
            assertTrue(coverage(standard, OccluderType.HAT_HAIR, Region.EYES, lm) > 0.1, "hat/hair reaches the eyes");
            assertTrue(coverage(standard, OccluderType.PHONE_MIC, Region.EYES, lm) < 0.05, "phone/mic stays below the eyes");
            assertTrue(coverage(standard, OccluderType.BLOCK_CENTER, Region.NOSE, lm) > 0.5, "centre block on the nose");
        }
        // a hand covers the mouth or the eyes, each time
        FaceRegions fr = new FaceRegions(LM, 128, 128);
        for (long seed = 0; seed < 20; seed++) {
            byte[] m = standard.draw(TestFaces.synthetic(seed), LM, OccluderType.HAND, seed).mask();
            assertTrue(fr.coverage(Region.MOUTH, m) > 0.6 || fr.coverage(Region.EYES, m) > 0.4, "hand seed " + seed);
        }
    }

    @Test
    void randomObjectsUsePatchesWhenGiven() {
        RgbImage patch = new RgbImage(8, 8, filled(8 * 8 * 3, (byte) 0x22));
        Occluders withPatches = procedural.withPatches(rng -> patch);
        for (long seed = 0; seed < 10; seed++) {
            Occluded o = withPatches.draw(TestFaces.synthetic(seed), LM, OccluderType.RANDOM_OBJECT, seed);
            for (int i = 0; i < o.mask().length; i++)
                if (o.mask()[i] != 0 && o.image().data()[3 * i] == o.image().data()[3 * i + 1])
                    return; // patch colour (grey) landed
        }
        throw new AssertionError("patch colour never appeared");
    }

    @Test
    void clothMasksAreSometimesPrintedWithAPhotoPatchAndStayInsideTheirOutline() {
        byte[] px = new byte[16 * 16 * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) 0x11;
            px[i + 1] = (byte) 0xee; // a colour no procedural paint produces exactly
            px[i + 2] = (byte) 0x33;
        }
        RgbImage patch = new RgbImage(16, 16, px);
        Occluders withPatches = procedural.withPatches(rng -> patch);
        FaceRegions fr = new FaceRegions(LM, 128, 128);
        int printed = 0;
        for (long seed = 0; seed < 60; seed++) {
            Occluded o = withPatches.draw(TestFaces.synthetic(seed), LM, OccluderType.CLOTH_MASK, seed);
            int patchPixels = 0, maskPixels = 0;
            for (int i = 0; i < o.mask().length; i++) {
                if (o.mask()[i] == 0) continue;
                maskPixels++;
                byte[] d = o.image().data();
                int r = d[3 * i] & 0xff, g = d[3 * i + 1] & 0xff, b = d[3 * i + 2] & 0xff;
                if (g - r > 100 && g - b > 80) patchPixels++; // the patch's green survives lighting, noise and blur
            }
            if (patchPixels > maskPixels / 2) {
                printed++;
                assertTrue(fr.coverage(Region.MOUTH_CHIN, o.mask()) > 0.85, "a printed mask still covers the mouth-chin region, seed " + seed);
                assertTrue(fr.coverage(Region.EYES, o.mask()) < 0.03, "and not the eyes, seed " + seed);
            }
        }
        assertTrue(printed >= 3 && printed <= 20, "about 1 in 6 cloth masks carries a photo print, got " + printed + " of 60");
    }

    @Test
    void rejectsBadLandmarks() {
        float[] nan = LM.clone();
        nan[10] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> standard.draw(TestFaces.synthetic(0), nan, OccluderType.HAND, 1));
        assertThrows(IllegalArgumentException.class, () -> standard.draw(TestFaces.synthetic(0), new float[10], OccluderType.HAND, 1));
    }

    @Test
    void mixSamplesEveryTypeAndNone() {
        OccluderMix mix = OccluderMix.training();
        SplittableRandom rng = new SplittableRandom(3);
        Map<Object, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < 20000; i++) counts.merge(mix.sample(rng).map(Object.class::cast).orElse("none"), 1, Integer::sum);
        assertEquals(OccluderType.values().length + 1, counts.size());
        assertEquals(0.15, counts.get("none") / 20000.0, 0.015);
    }

    @Test
    void maskPngRoundTrips() {
        Occluded o = standard.draw(TestFaces.synthetic(0), LM, OccluderType.SCARF, 5);
        assertArrayEquals(o.mask(), MaskImages.decodePng(o.maskPng(), 128, 128));
    }

    static float[] transform(float[] lm, double angle, double scale, double tx, double ty) {
        float[] out = new float[lm.length];
        double cos = Math.cos(angle) * scale, sin = Math.sin(angle) * scale;
        for (int i = 0; i < lm.length; i += 2) {
            double x = lm[i] - 64, y = lm[i + 1] - 64;
            out[i] = (float) (64 + x * cos - y * sin + tx);
            out[i + 1] = (float) (64 + x * sin + y * cos + ty);
        }
        return out;
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }
}
