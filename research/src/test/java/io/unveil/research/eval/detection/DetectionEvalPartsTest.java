package io.unveil.research.eval.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.research.eval.occlusion.MaskedFaceLabels;
import io.unveil.research.occluders.OccluderType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectionEvalPartsTest {
    /** dlib's mean face (points 17..67; jaw points on a curve below) scaled to a 100 px face at (110, 60) in a 320x320 photo. */
    static float[] face() {
        float[] lm = new float[136];
        for (int i = 0; i < 68; i++) {
            double[] u = i >= 17 ? FaceAligner.meanShapeUnit(i) : new double[]{i / 16.0, 0.5 + 0.5 * Math.sin(Math.PI * i / 16)};
            lm[2 * i] = (float) (110 + 100 * u[0]);
            lm[2 * i + 1] = (float) (60 + 100 * u[1]);
        }
        return lm;
    }

    static RgbImage photo() {
        byte[] d = new byte[320 * 320 * 3];
        new Random(5).nextBytes(d);
        return new RgbImage(320, 320, d);
    }

    @Test
    void occluderLandsOnTheLowerFaceAndLeavesTheRestOfThePhotoAlone() {
        RgbImage photo = photo();
        float[] lm = face();
        RgbImage masked = OccludedPhoto.draw(photo, lm, OccluderType.MEDICAL_MASK, 3);
        int changedMouth = 0, changedFar = 0, changedEyes = 0;
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 320; x++) {
                int o = (y * 320 + x) * 3;
                boolean diff = photo.data()[o] != masked.data()[o] || photo.data()[o + 1] != masked.data()[o + 1];
                if (!diff) continue;
                if (Math.abs(x - lm[2 * 62]) < 10 && Math.abs(y - lm[2 * 62 + 1]) < 6) changedMouth++;
                if (y < 40 || x < 40 || x > 290) changedFar++;
                if (Math.abs(x - lm[2 * 37]) < 3 && Math.abs(y - lm[2 * 37 + 1]) < 2) changedEyes++;
            }
        }
        assertTrue(changedMouth > 150, "mask covers the mouth: " + changedMouth);
        assertEquals(0, changedFar, "pixels far from the face are untouched");
        assertEquals(0, changedEyes, "a medical mask leaves the eyes alone");
    }

    @Test
    void noFaceStripStaysClearOfTheFace() {
        float[] lm = face();
        RgbImage strip = NoFaceCrops.strip(photo(), lm);
        assertTrue(strip != null && strip.width() >= NoFaceCrops.MIN_SIDE && strip.height() >= NoFaceCrops.MIN_SIDE);
        // the face spans x 110..210: with 60% margins nothing between 50 and 270 may be in a full-height strip
        assertTrue(strip.width() <= 50 || strip.height() < 320, "strip " + strip.width() + "x" + strip.height());
        // a face filling the photo leaves no strip
        float[] big = lm.clone();
        for (int i = 0; i < 136; i++) big[i] = (big[i] - (i % 2 == 0 ? 110 : 60)) * 3;
        assertNull(NoFaceCrops.strip(photo(), big));
    }

    @Test
    void coverageAndAlignmentErrorMeasureWhatTheySay() {
        float[] lm = face();
        assertTrue(FacePoints.covers(new Box(100, 50, 120, 120), lm));
        assertFalse(FacePoints.covers(new Box(100, 50, 120, 40), lm), "the nose tip is below this box");
        double[] m = FaceAligner.matrix(lm, AlignTarget.FACE_128);
        assertEquals(0, FacePoints.alignmentError(m, m, lm), 1e-9);
        // the same face moved by one inter-ocular distance to the right: every canonical point lands 1 IOD away
        double iod = FacePoints.interOcular(lm);
        float[] moved = lm.clone();
        for (int i = 0; i < 68; i++) moved[2 * i] += (float) iod;
        assertEquals(1.0, FacePoints.alignmentError(FaceAligner.matrix(moved, AlignTarget.FACE_128), m, lm), 1e-3);
        assertEquals(1.0, FacePoints.nme(moved, lm, FacePoints.Region.ALL), 1e-3);
    }

    @Test
    void labelsParseAndMatchTheFaceWhoseCentreTheBoxHolds() throws Exception {
        String csv = "file,cx,cy,label\na.jpg,50,50,masked\na.jpg,200,60,unmasked\nb.jpg,10,10,not-a-face\n";
        DetectionLabels l = DetectionLabels.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(MaskedFaceLabels.Label.MASKED, l.of("a.jpg", new Box(20, 20, 70, 70)));
        assertEquals(MaskedFaceLabels.Label.UNMASKED, l.of("a.jpg", new Box(170, 30, 60, 60)));
        assertEquals(MaskedFaceLabels.Label.NOT_A_FACE, l.of("b.jpg", new Box(0, 0, 30, 30)));
        assertNull(l.of("a.jpg", new Box(100, 100, 20, 20)));
        assertNull(l.of("c.jpg", new Box(0, 0, 300, 300)));
        assertThrows(IllegalArgumentException.class, () -> DetectionLabels.read(new ByteArrayInputStream(
                "file,cx,cy,label\na.jpg,1,2,maybe\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(DetectionLabels.bundled().of("0000_0000.jpg", new Box(0, 0, 1, 1)) == null, "bundled labels load");
    }

    @Test
    void sameFaceNeedsEachBoxToHoldTheOthersCentre() {
        assertTrue(RealMaskedFaces.sameFace(new Box(0, 0, 100, 100), new Box(20, 10, 70, 100)));
        assertFalse(RealMaskedFaces.sameFace(new Box(0, 0, 100, 100), new Box(80, 80, 100, 100)));
    }
}
