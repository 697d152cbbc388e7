package io.unveil.research.eval.occlusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.testing.TestData;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage's estimator on the real masked-face photos (../shared/data/masked-faces) against the hand labels: the
 * issue's criterion (mask over >= 70% of mouth-chin, <= 10% of the eyes) on the labelled masked faces that pass the
 * quality gate (measured: 132 of 153, 86.3%; target 85%), and every label names a photo of the set. The bound is 84%:
 * three faces of slack for float differences in detection and alignment on other CPUs, so that a regression of the
 * mask rule (the plain threshold gives 80.4%) fails and a borderline face does not.
 */
class MaskedFacesEvaluationTest {
    @Test
    void labelledMaskedFacesMeetTheCoverageTarget(@TempDir Path tmp) throws Exception {
        Path set = TestData.set("masked-faces");
        MaskedFaceLabels labels = MaskedFaceLabels.bundled();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        OcclusionEvaluation.MaskedResult r;
        try (OcclusionEstimator est = OcclusionEstimator.load(OcclusionEstimator.Options.DEFAULT);
             PrintStream console = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            r = OcclusionEvaluation.masked(est, set, labels, tmp.resolve("masked.png"), console);
        }
        OcclusionEvaluation.Labelled l = r.labelled();
        assertNotNull(l, "no detection carries a label:\n" + log);
        assertEquals(0, l.unlabelled(), "detections without a label:\n" + log);
        assertEquals(labels.size(), l.labelled());
        try (var files = Files.list(set.resolve("images"))) {
            assertEquals(labels.size(), files.filter(p -> labels.of(p.getFileName().toString()) != null).count());
        }
        assertTrue(l.gatedMasked() >= 100, "gated masked faces: " + l.gatedMasked());
        assertTrue(l.gatedMaskedShare() >= 0.84, "labelled masked faces passing the criterion: " + l.gatedMaskedShare()
                + "\n" + log);
        assertTrue(l.unmaskedRoutedOccluded() <= l.unmasked() / 4, "unmasked faces routed as occluded:\n" + log);
        assertTrue(Files.isRegularFile(tmp.resolve("masked-quality-gated-masked-failures.png")));
    }
}
