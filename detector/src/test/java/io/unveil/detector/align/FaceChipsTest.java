package io.unveil.detector.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceChipsTest {
    private static DetectedFace face(float x, float side) {
        return new DetectedFace(new Box(x, 0, side, side), 0.9f, new float[136]);
    }

    @Test
    void theLargestBoxIsTheFaceAndTheFirstOfEqualsWins() {
        DetectedFace small = face(0, 20), big = face(50, 60), alsoBig = face(200, 60);
        assertSame(big, FaceChips.largestFace(List.of(small, big, alsoBig)));
        assertNull(FaceChips.largestFace(List.of()));
    }

    @Test
    void largestAlignsTheLargestFaceAndKeepsTheOthers() {
        DetectedFace small = face(0, 20), big = face(50, 60);
        RgbImage photo = new RgbImage(300, 100, new byte[300 * 100 * 3]);
        RgbImage chip = new RgbImage(150, 150, new byte[150 * 150 * 3]);
        float[][] alignedWith = new float[1][];
        FaceAnalyzer analyzer = new FaceAnalyzer() {
            @Override
            public List<DetectedFace> detect(RgbImage image) {
                return image == photo ? List.of(small, big) : List.of();
            }

            @Override
            public String model() {
                return "two-boxes";
            }

            @Override
            public void close() {
            }
        };
        FaceChips chips = new FaceChips(analyzer, (img, lm) -> {
            alignedWith[0] = lm;
            return chip;
        });
        FaceChips.Chip c = chips.largest(photo);
        assertSame(big, c.face());
        assertSame(chip, c.chip());
        assertSame(big.landmarks(), alignedWith[0]);
        assertEquals(2, c.all().size());
        assertNull(chips.largest(new RgbImage(10, 10, new byte[300])), "no face, no chip");
    }
}
