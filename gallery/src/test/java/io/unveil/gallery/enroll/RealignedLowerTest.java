package io.unveil.gallery.enroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.OcclusionRegion;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.align.ChipAligner;
import io.unveil.detector.align.FaceChips;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.inpaint.occlusion.SyntheticOccluder;
import io.unveil.recognize.Embedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code gallery.occlusion-centroids-realigned}: the masked (LOWER) enrollment descriptor is of the photo with the mask
 * drawn into it, found and aligned again, not of the mask drawn on the aligned chip; a face not found again falls back.
 */
class RealignedLowerTest {
    static final int X = 25, Y = 25, SIZE = 150;

    /** One frontal face at a fixed box; records every image it is asked about; finds nothing once {@code blindAfter} calls are spent. */
    static final class OneFace implements FaceAnalyzer {
        final List<RgbImage> seen = new ArrayList<>();
        int blindAfter = Integer.MAX_VALUE;

        @Override
        public List<DetectedFace> detect(RgbImage image) {
            seen.add(image);
            if (seen.size() > blindAfter) return List.of();
            float[] lm = MeanFace.landmarks(SIZE);
            for (int i = 0; i < lm.length; i += 2) {
                lm[i] += X;
                lm[i + 1] += Y;
            }
            return List.of(new DetectedFace(new Box(X, Y, SIZE, SIZE), 0.99f, lm));
        }

        @Override
        public String model() {
            return "one-face";
        }

        @Override
        public void close() {
        }
    }

    /** Records the images of each batch; the descriptor is the image's mean of each channel (enough to tell images apart). */
    static final class Recording implements Embedder {
        final List<RgbImage> batch = new ArrayList<>();

        @Override
        public float[][] embed(List<RgbImage> chips) {
            batch.addAll(chips);
            float[][] out = new float[chips.size()][];
            for (int k = 0; k < chips.size(); k++) {
                byte[] d = chips.get(k).data();
                float[] v = new float[3];
                for (int i = 0; i < d.length; i++) v[i % 3] += (d[i] & 0xff) / 255f;
                out[k] = v;
            }
            return out;
        }

        @Override
        public String modelVersion() {
            return "recording";
        }

        @Override
        public void close() {
        }
    }

    /** The aligner double cuts the face's box (the face never moves here). */
    static final ChipAligner BOX = (img, lm) -> Images.crop(img, X, Y, SIZE, SIZE);

    static Enroller.Input photo() {
        byte[] px = new byte[200 * 200 * 3];
        new Random(7).nextBytes(px); // sharp enough for the gate
        return new Enroller.Input("p.png", new RgbImage(200, 200, px), null);
    }

    @Test
    void theMaskedDescriptorIsOfTheMaskedPhotoFoundAgain() {
        OneFace analyzer = new OneFace();
        Recording embedder = new Recording();
        Enroller e = new Enroller(new FaceChips(analyzer, BOX), embedder, EnrollmentPolicy.defaults(), true, true);
        Enroller.Input in = photo();
        Enroller.Prepared p = e.prepare(List.of(in));
        assertEquals(1, p.candidates().size());
        assertEquals(2, analyzer.seen.size(), "the photo, then the photo with the mask drawn into it");
        RgbImage masked = analyzer.seen.get(1);
        assertFalse(Arrays.equals(in.image().data(), masked.data()), "the second image carries the mask");
        RgbImage expected = SyntheticOccluder.draw(in.image(), analyzer.detect(in.image()).get(0).landmarks(), OcclusionRegion.LOWER).image();
        assertArrayEquals(expected.data(), masked.data(), "the mask is the gallery's fixed LOWER occluder, on the photo's landmarks");
        RgbImage lower = embedder.batch.get(1 + OcclusionRegion.LOWER.ordinal());
        assertArrayEquals(Images.crop(masked, X, Y, SIZE, SIZE).data(), lower.data(), "LOWER is embedded from the realigned masked photo");
        Enroller.Candidate c = p.candidates().get(0);
        RgbImage onChip = SyntheticOccluder.draw(c.chip(), c.chipLandmarks(), OcclusionRegion.LOWER).image();
        assertFalse(Arrays.equals(onChip.data(), lower.data()), "not the mask drawn on the chip");
        RgbImage eyes = embedder.batch.get(1 + OcclusionRegion.EYES.ordinal());
        assertArrayEquals(SyntheticOccluder.draw(c.chip(), c.chipLandmarks(), OcclusionRegion.EYES).image().data(), eyes.data(),
                "EYES stays drawn on the chip");
        assertNotNull(p.occludedEmbeddings().get(OcclusionRegion.LOWER));
    }

    @Test
    void offOrNotFoundAgainDrawsTheMaskOnTheChip() {
        for (boolean realigned : new boolean[]{false, true}) {
            OneFace analyzer = new OneFace();
            analyzer.blindAfter = 1; // with realigned on: the masked photo shows no face
            Recording embedder = new Recording();
            Enroller e = new Enroller(new FaceChips(analyzer, BOX), embedder, EnrollmentPolicy.defaults(), true, realigned);
            Enroller.Prepared p = e.prepare(List.of(photo()));
            assertEquals(realigned ? 2 : 1, analyzer.seen.size());
            Enroller.Candidate c = p.candidates().get(0);
            assertArrayEquals(SyntheticOccluder.draw(c.chip(), c.chipLandmarks(), OcclusionRegion.LOWER).image().data(),
                    embedder.batch.get(1 + OcclusionRegion.LOWER.ordinal()).data());
        }
    }
}
