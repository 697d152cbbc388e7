package io.unveil.deploy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unveil.core.config.Settings;
import io.unveil.core.config.UnveilHome;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.LoadedModel;
import io.unveil.core.model.ModelRegistry;
import io.unveil.core.testing.TestData;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.inpaint.prior.FacePrior;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsTest {
    private static String loaded(ModelRegistry<?> r, Settings s) {
        try (LoadedModel m = r.load(s)) {
            return m.model();
        }
    }

    private static Path copy(String resource, Path to) throws IOException {
        try (InputStream in = ModelsTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
        return to;
    }

    @Test
    void theSettingsTheirNamesAndDefaults() {
        assertEquals(List.of("detector.landmarks", "detector.model", "recognize.model", "inpaint.occlusion-model", "inpaint.generator"),
                Models.all().stream().map(ModelRegistry::key).toList());
        assertEquals(List.of("masked", "faceapi"), Models.LANDMARKS.names());
        // the defaults follow the live test (docs/evaluation.md, "The default pipeline"), chosen as one configuration
        assertEquals("masked", Models.LANDMARKS.defaultName());
        assertTrue(Models.LANDMARKS.acceptsFiles());
        assertEquals(List.of("yunet", "tiny", "ssd"), Models.DETECTORS.names());
        assertEquals("yunet", Models.DETECTORS.defaultName());
        assertEquals(List.of("faceapi", "robust", "fused", "mobilefacenet"), Models.RECOGNIZERS.names());
        assertEquals("robust", Models.RECOGNIZERS.defaultName());
        assertEquals(List.of("bundled"), Models.OCCLUSION_MODELS.names());
        assertEquals(List.of("prior-idgan", "bundled", "pca-prior"), Models.GENERATORS.names());
        assertEquals("prior-idgan", Models.GENERATORS.defaultName());
        assertTrue(Models.OCCLUSION_MODELS.acceptsFiles() && Models.GENERATORS.acceptsFiles() && Models.RECOGNIZERS.acceptsFiles());
        assertTrue(!Models.DETECTORS.acceptsFiles());
        Models.check(Settings.empty());
    }

    @Test
    void anUnknownNameFailsTheStartUpCheckWithTheKnownNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> Models.check(Settings.empty().with("detector.model", "retinaface")));
        assertEquals("unknown detector.model 'retinaface'; known: yunet, tiny, ssd", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.check(Settings.empty().with("recognize.model", "arcface")));
        assertEquals("recognize.model 'arcface' is neither a known name (faceapi, robust, fused, mobilefacenet) nor a readable weight file", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Models.check(Settings.empty().with("inpaint.generator", "/no/such/generator.bin")));
        assertEquals("inpaint.generator '/no/such/generator.bin' is neither a known name (prior-idgan, bundled, pca-prior) nor a readable weight file",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.check(Settings.empty().with("inpaint.occlusion-model", "v5")));
        assertTrue(e.getMessage().startsWith("inpaint.occlusion-model 'v5' is neither a known name (bundled)"), e.getMessage());
    }

    @Test
    void anUnknownNameStopsThePipelineBeforeItStartsAnything(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> Pipeline.open(new PipelineOptions(List.of("detect"), null,
                dir.resolve("data"), "127.0.0.1", 0, (short) 1, Settings.empty().with("detector.model", "ssdd"))));
        assertEquals("unknown detector.model 'ssdd'; known: yunet, tiny, ssd", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("data")), "nothing was started");
    }

    @Test
    void theInpaintNetworksLoadBundledAndFromAFile(@TempDir Path dir) throws IOException {
        assertEquals(OcclusionEstimator.MODEL + "+flip+hyst0.2+holes", loaded(Models.OCCLUSION_MODELS, Settings.empty()));
        Path occ = copy(OcclusionEstimator.RESOURCE, dir.resolve("occlusion-unet.bin"));
        assertEquals(OcclusionEstimator.MODEL + "@occlusion-unet.bin+flip+hyst0.2+holes",
                loaded(Models.OCCLUSION_MODELS, Settings.empty().with("inpaint.occlusion-model", occ.toString())));
        assertTrue(loaded(Models.GENERATORS, Settings.empty()).startsWith("idgan:" + Inpainter.PRIOR_RESOURCE + " w16 + "),
                loaded(Models.GENERATORS, Settings.empty()));
        assertTrue(loaded(Models.GENERATORS, Settings.empty().with("inpaint.generator", "bundled")).startsWith("idgan:" + Inpainter.RESOURCE + " w16"));
        Path gen = copy("/io/unveil/inpaint/idgan/generator-noid.bin", dir.resolve("generator-noid.bin"));
        assertTrue(loaded(Models.GENERATORS, Settings.empty().with("inpaint.generator", gen.toString()))
                .startsWith("idgan:" + dir.getFileName() + "/generator-noid.bin w16"));
        assertEquals("pca-prior:" + FacePrior.RESOURCE + " K64 r64",
                loaded(Models.GENERATORS, Settings.empty().with("inpaint.generator", "pca-prior")));
    }

    @Test
    void theFaceApiNetworksLoadByName() {
        assumeTrue(new FaceApiModels(UnveilHome.models()).verifyAll() == null || TestData.hasNpm(),
                "skipped: face-api models not cached and npm not found to fetch them");
        assertEquals("yunet-n-320/" + io.unveil.detector.yunet.YuNetDetector.BUNDLED + "+face_landmark_68-masked",
                loaded(Models.DETECTORS, Settings.empty()), "the default: YuNet with the masked-face landmarks");
        assertEquals(YuNetAnalyzer.VERSION, loaded(Models.DETECTORS, Settings.empty().with("detector.landmarks", "faceapi")));
        assertEquals(FaceApiAnalyzer.VERSION, loaded(Models.DETECTORS, Settings.empty().with("detector.model", "tiny")
                .with("detector.landmarks", "faceapi")));
        assertEquals("face-api-1.7.15/ssd_mobilenetv1+face_landmark_68",
                loaded(Models.DETECTORS, Settings.empty().with("detector.model", "ssd").with("detector.landmarks", "faceapi")));
        assertTrue(loaded(Models.RECOGNIZERS, Settings.empty()).startsWith("robust-v3 "), "the default recognizer: robust");
        assertTrue(loaded(Models.RECOGNIZERS, Settings.empty().with("recognize.model", "faceapi"))
                .startsWith("face-api@1.7.15/face_recognition_model"));
        String fused = loaded(Models.RECOGNIZERS, Settings.empty().with("recognize.model", "fused"));
        assertTrue(fused.startsWith("fused(robust-v3 ") && fused.endsWith(" + mobilefacenet faceplugin-face-recognition-js@0.0.1/model/fr_feature.onnx)"), fused);
    }
}
