package io.unveil.research.train.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.inpaint.occlusion.MeanFace;
import org.junit.jupiter.api.Test;

class LandmarkParsingTest {
    static int at(byte[] l, float[] lm, int... points) {
        double x = 0, y = 0;
        for (int p : points) {
            x += lm[2 * p];
            y += lm[2 * p + 1];
        }
        int xi = (int) Math.round(x / points.length), yi = (int) Math.round(y / points.length);
        return l[yi * 128 + xi];
    }

    @Test
    void partsLandWhereTheLandmarksSay() {
        float[] lm = MeanFace.landmarks128();
        byte[] l = LandmarkParsing.labels(lm, 128);
        assertEquals(128 * 128, l.length);
        assertEquals(FaceParts.EYES, at(l, lm, 36, 39));
        assertEquals(FaceParts.EYES, at(l, lm, 42, 45));
        assertEquals(FaceParts.MOUTH, at(l, lm, 48, 54));
        assertEquals(FaceParts.NOSE, at(l, lm, 30));
        assertEquals(FaceParts.BROWS, at(l, lm, 19));
        assertEquals(FaceParts.SKIN, at(l, lm, 3, 48));
        assertEquals(FaceParts.BACKGROUND, l[0]);
        int[] count = new int[FaceParts.COUNT];
        for (byte b : l) count[b]++;
        for (int c = 0; c < FaceParts.COUNT; c++) assertTrue(count[c] > 20, FaceParts.NAMES[c] + " has " + count[c] + " px");
        assertTrue(count[FaceParts.SKIN] > count[FaceParts.MOUTH]);
    }

    @Test
    void rejectsWrongLandmarkCount() {
        assertThrows(IllegalArgumentException.class, () -> LandmarkParsing.labels(new float[10], 128));
    }
}
