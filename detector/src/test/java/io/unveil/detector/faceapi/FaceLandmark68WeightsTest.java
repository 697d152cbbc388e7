package io.unveil.detector.faceapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.WeightFile;
import io.unveil.core.model.WeightManifest;
import io.unveil.core.model.WeightTensor;
import io.unveil.core.testing.TestData;
import io.unveil.detector.ParityFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceLandmark68WeightsTest {
    @Test
    void djlParameterNamesMapToFaceApiTensorNames() {
        assertEquals("dense0/conv0/filters", FaceLandmark68Weights.tfName("01dense0_conv0_weight"));
        assertEquals("dense0/conv0/bias", FaceLandmark68Weights.tfName("01dense0_conv0_bias"));
        assertEquals("dense3/conv3/depthwise_filter", FaceLandmark68Weights.tfName("16dense3_conv3_01depthwise_weight"));
        assertEquals("dense1/conv0/pointwise_filter", FaceLandmark68Weights.tfName("05dense1_conv0_02pointwise_weight"));
        assertEquals("dense1/conv0/bias", FaceLandmark68Weights.tfName("05dense1_conv0_02pointwise_bias"));
        assertEquals("fc/weights", FaceLandmark68Weights.tfName("fc_weights"));
    }

    /**
     * face-api's manifest -> block -> weight file (float32 and float16) -> block again: the same tensors under the same
     * names and TF shapes, and the same landmarks on a face (float16: within 0.2 px on a 100-px crop).
     */
    @Test
    void aWeightFileOfTheBlockReloadsAsTheSameNet(@TempDir Path dir) throws Exception {
        ParityFixtures.assumeModels();
        Map<String, WeightTensor> manifest = WeightManifest.load(FaceApiModels.ensureDefault().file(FaceLandmark68Net.MANIFEST));
        Path f32 = dir.resolve("lm32.bin"), f16 = dir.resolve("lm16.bin");
        try (NDManager m = NDManager.newBaseManager()) {
            List<WeightFile.Tensor> tensors = FaceLandmark68Weights.tensors(new FaceLandmark68Block().load(m, manifest));
            assertEquals(manifest.keySet(), tensors.stream().map(WeightFile.Tensor::name).collect(java.util.stream.Collectors.toSet()));
            for (WeightFile.Tensor t : tensors) {
                WeightTensor src = manifest.get(t.name());
                assertArrayEquals(java.util.Arrays.stream(src.shape()).asLongStream().toArray(), t.dims(), t.name());
                assertArrayEquals(src.data(), t.values(), t.name());
            }
            WeightFile.write(f32, tensors);
            WeightFile.writeHalf(f16, tensors);
        }
        RgbImage face = Images.read(TestData.set("celeba-subset").resolve("images/001085.jpg"));
        RgbImage crop = Images.crop(face, 40, 60, 100, 110);
        try (FaceLandmark68Net pretrained = new FaceLandmark68Net(manifest, FaceLandmark68Net.PRETRAINED);
             FaceLandmark68Net fromFile = FaceLandmark68Net.fromWeightFile(f32);
             FaceLandmark68Net fromHalf = FaceLandmark68Net.fromWeightFile(f16)) {
            float[] a = pretrained.landmarks(List.of(crop)).get(0);
            assertArrayEquals(a, fromFile.landmarks(List.of(crop)).get(0), 1e-4f);
            assertArrayEquals(a, fromHalf.landmarks(List.of(crop)).get(0), 0.2f);
            assertEquals("face_landmark_68@lm16.bin", fromHalf.model());
        }
        assertTrue(Files.size(f16) < Files.size(f32) * 0.51);
    }

    @Test
    void toNetOutputInvertsToCropPixels() {
        float[] px = new float[136];
        for (int i = 0; i < 136; i++) px[i] = (i * 7.3f) % 90;
        for (int[] wh : new int[][]{{90, 120}, {130, 80}, {100, 100}}) {
            float[] back = FaceLandmark68Translator.toCropPixels(FaceLandmark68Translator.toNetOutput(px, wh[0], wh[1]), wh[0], wh[1]);
            assertArrayEquals(px, back, 1e-3f);
        }
    }

    @Test
    void theOfflineToolsResolveTheDetectorLandmarksNames(@TempDir Path dir) {
        try (FaceLandmark68Net pretrained = FaceLandmark68Net.named("faceapi"); FaceLandmark68Net masked = FaceLandmark68Net.named("masked")) {
            assertEquals(FaceLandmark68Net.PRETRAINED, pretrained.model());
            assertEquals(FaceLandmark68Net.MASKED, masked.model());
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> FaceLandmark68Net.named(dir.resolve("nope.bin").toString()));
        assertTrue(e.getMessage().contains("nope.bin"), e.getMessage());
    }
}
