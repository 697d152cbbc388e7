package io.unveil.research.eval.idgan;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.research.data.IdentitySplit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSummaryTest {
    static IdGanEvaluator.Report report(double gt, double occ, double telea, double idgan) {
        List<IdGanEvaluator.Row> rows = List.of(new IdGanEvaluator.Row("GT", 0, 0, 1, 1, gt, 0, null),
                new IdGanEvaluator.Row("OCC", 0, 0, 0, 0, occ, 0, null), new IdGanEvaluator.Row("Telea", 0, 0, 0, 0, telea, 0, null),
                new IdGanEvaluator.Row("ID-GAN", 0, 0, 0, 0, idgan, 0, null));
        return new IdGanEvaluator.Report(10, 2, 20, 10, 2, true, rows, 0, 1, IdentitySplit.Subset.VALIDATION);
    }

    @Test
    void sharesPerSeedTheirMeanAndSpread() {
        // seed 1: drop 0.10, ID-GAN recovers 0.02 (20%); seed 2: drop 0.08, recovers 0.04 (50%)
        String md = SeedSummary.markdown(List.of(1L, 2L), List.of(report(0.95, 0.85, 0.86, 0.87), report(0.96, 0.88, 0.88, 0.92)));
        assertTrue(md.contains("| ID-GAN | 0.8950 | 20.0% / 50.0% | 35.0% | 21.2 |"), md);
        assertTrue(md.contains("| Telea | 0.8700 | 10.0% / 0.0% | 5.0% | 7.1 |"), md);
        assertTrue(md.contains("| GT | 0.9550 |"), md);
    }

    @Test
    void mismatchedInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SeedSummary.markdown(List.of(1L), List.of()));
        assertThrows(IllegalArgumentException.class, () -> SeedSummary.markdown(List.of(1L, 2L), List.of(report(1, 0.5, 0.5, 0.5))));
    }
}
