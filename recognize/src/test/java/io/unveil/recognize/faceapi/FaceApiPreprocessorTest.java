package io.unveil.recognize.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.core.image.RgbImage;
import org.junit.jupiter.api.Test;

class FaceApiPreprocessorTest {
    static final int P = FaceApiPreprocessor.PLANE;

    static float norm(double v, int c) {
        return (float) ((v - FaceApiPreprocessor.MEAN_RGB[c]) / 255.0);
    }

    @Test
    void a150ChipIsOnlyNormalised() {
        byte[] d = new byte[150 * 150 * 3];
        d[(10 * 150 + 20) * 3 + 2] = (byte) 200; // blue at x=20,y=10
        float[] in = FaceApiPreprocessor.toInput(new RgbImage(150, 150, d));
        assertEquals(norm(200, 2), in[2 * P + 10 * 150 + 20], 1e-6f);
        assertEquals(norm(0, 0), in[10 * 150 + 20], 1e-6f);
    }

    @Test
    void wideImageIsPaddedBelowThenResizedLikeTensorFlowLegacy() {
        // 2x1 image: red 100 then red 200; padded to 2x2 with one zero row appended (round(1/2)=1 after, 0 before)
        byte[] d = {100, 0, 0, (byte) 200, 0, 0};
        float[] in = FaceApiPreprocessor.toInput(new RgbImage(2, 1, d));
        assertEquals(norm(100, 0), in[0], 1e-6f);                 // (0,0) samples source (0,0)
        assertEquals(norm(200, 0), in[75], 1e-6f);                // col 75 -> source x = 75*2/150 = 1
        double frac = 37 * 2.0 / 150;                             // col 37 -> between x=0 and x=1
        assertEquals(norm(100 + 100 * frac, 0), in[37], 1e-5f);
        assertEquals(norm(0, 0), in[75 * 150], 1e-6f);            // row 75 -> source y = 1 = padding
        assertEquals(norm(100 * (1 - frac), 0), in[37 * 150], 1e-5f);
        assertEquals(norm(0, 1), in[P], 1e-6f);
    }

    @Test
    void tallImageIsCentredWithTheExtraColumnAfter() {
        // 1x4 image (w=1,h=4): diff 3 -> round(1.5)=2 columns after, 1 before; side 4
        byte[] d = new byte[12];
        for (int y = 0; y < 4; y++) d[y * 3 + 1] = (byte) 50;
        float[] in = FaceApiPreprocessor.toInput(new RgbImage(1, 4, d));
        // out col c samples x = c*4/150; x in [1,2) blends column 1 (image) and column 2 (pad)
        int colAtOne = 38; // 38*4/150 = 1.0133
        double frac = colAtOne * 4.0 / 150 - 1;
        assertEquals(norm(50 * (1 - frac), 1), in[P + colAtOne], 1e-5f);
        assertEquals(norm(0, 1), in[P], 1e-6f);                   // x = 0 is the padding before
        assertEquals(norm(0, 1), in[P + 149], 1e-6f);             // x = 3.97 -> padding after
    }
}
