package io.unveil.inpaint.occlusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.core.model.NetworkWeights;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled estimator in the project's weight format: what the reader loads, the writer writes back byte for byte,
 * and an estimator loaded from that copy computes bit-identical probabilities.
 */
class OcclusionWeightFileTest {
    private static byte[] bundled() throws IOException {
        try (InputStream in = OcclusionWeightFileTest.class.getResourceAsStream(OcclusionEstimator.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    /** Eight 128x128 faces: smooth colour ramps, half of them with a flat block over the lower face. */
    private static List<RgbImage> faces() {
        Random r = new Random(7);
        List<RgbImage> out = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            byte[] d = new byte[128 * 128 * 3];
            int base = 60 + r.nextInt(120);
            for (int y = 0; y < 128; y++)
                for (int x = 0; x < 128; x++)
                    for (int c = 0; c < 3; c++) {
                        boolean block = n % 2 == 1 && y >= 70 && y < 120 && x >= 25 && x < 103;
                        d[(y * 128 + x) * 3 + c] = (byte) (block ? 128 : base + (x + y) / 4 + c * 10 + r.nextInt(5));
                    }
            out.add(new RgbImage(128, 128, d));
        }
        return out;
    }

    @Test
    void theBundledFileRewritesToTheSameBytes() throws IOException {
        Djl.init();
        byte[] file = bundled();
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager(Device.cpu())) {
            OcclusionNet net = OcclusionEstimator.newNet(m);
            NetworkWeights.read(net, new ByteArrayInputStream(file));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NetworkWeights.write(net, out);
            assertEquals(file.length, out.size());
            assertArrayEquals(file, out.toByteArray());
        }
    }

    @Test
    void anEstimatorLoadedFromACopyGivesBitIdenticalProbabilities(@TempDir Path dir) throws IOException {
        Path copy = Files.write(dir.resolve("occlusion-unet.bin"), bundled());
        List<RgbImage> faces = faces();
        try (OcclusionEstimator a = OcclusionEstimator.load(OcclusionEstimator.Options.PLAIN);
             OcclusionEstimator b = OcclusionEstimator.load(copy, OcclusionEstimator.Options.PLAIN)) {
            float[][] pa = a.probabilities(faces), pb = b.probabilities(faces);
            for (int n = 0; n < faces.size(); n++) assertArrayEquals(pa[n], pb[n], "face " + n);
            assertEquals("occlusion-unet-v4@occlusion-unet.bin", b.model());
        }
    }
}
