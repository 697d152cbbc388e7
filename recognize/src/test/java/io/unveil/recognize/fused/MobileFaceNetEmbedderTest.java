package io.unveil.recognize.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.config.UnveilHome;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.MobileFaceNetModels;
import io.unveil.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pinned MobileFaceNet on OpenCV's DNN (fetched with npm on first use; skipped without npm and without a cache). */
class MobileFaceNetEmbedderTest {
    private static RgbImage chip(long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[150 * 150 * 3];
        // smooth blobs rather than noise, so the descriptor depends on the picture's layout
        for (int y = 0; y < 150; y++)
            for (int x = 0; x < 150; x++)
                for (int c = 0; c < 3; c++)
                    px[(y * 150 + x) * 3 + c] = (byte) (128 + 100 * Math.sin((x + 17 * seed) / (9.0 + c) + y / (13.0 + seed % 5)));
        px[0] = (byte) r.nextInt();
        return new RgbImage(150, 150, px);
    }

    private static RgbImage mirrored(RgbImage im) {
        byte[] px = new byte[im.data().length];
        for (int y = 0; y < 150; y++)
            for (int x = 0; x < 150; x++)
                System.arraycopy(im.data(), (y * 150 + x) * 3, px, (y * 150 + 149 - x) * 3, 3);
        return new RgbImage(150, 150, px);
    }

    @Test
    void aBatchGivesEachFaceItsOwnDescriptorAsAloneAndThePictureMatters() {
        if (new MobileFaceNetModels(UnveilHome.models()).verifyAll() != null) TestData.assumeNpm();
        try (MobileFaceNetEmbedder e = MobileFaceNetEmbedder.load()) {
            assertTrue(e.modelVersion().equals("mobilefacenet faceplugin-face-recognition-js@0.0.1/model/fr_feature.onnx"), e.modelVersion());
            List<RgbImage> chips = new ArrayList<>();
            for (int i = 0; i < 35; i++) chips.add(chip(i)); // more than one forward batch (32)
            chips.add(mirrored(chips.get(0)));
            float[][] all = e.embed(chips);
            assertEquals(36, all.length);
            for (int i : new int[]{0, 33, 34}) {
                float[] alone = e.embed(List.of(chips.get(i)))[0];
                assertEquals(MobileFaceNetEmbedder.DESCRIPTOR_SIZE, alone.length);
                assertArrayEquals(alone, all[i], 1e-4f, "face " + i + " batched as alone");
            }
            double diff = 0;
            for (int d = 0; d < all[0].length; d++) diff += Math.abs(all[0][d] - all[35][d]);
            assertTrue(diff > 1e-2, "the mirror image gives another descriptor: " + diff);
        }
    }
}
