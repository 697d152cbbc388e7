package io.unveil.research.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CentroidIdentificationTest {
    @Test
    void centroidsAndRankOne() {
        Map<String, float[]> g = CentroidIdentification.centroids(
                List.of(new float[]{0, 0}, new float[]{2, 0}, new float[]{10, 10}), List.of("a", "a", "b"));
        assertArrayEquals(new float[]{1, 0}, g.get("a"));
        assertArrayEquals(new float[]{10, 10}, g.get("b"));
        // probe (6,6) is nearer b (dist 5.66) than a (dist 7.81): counted wrong for a
        double r1 = CentroidIdentification.rank1(g, List.of(new float[]{1, 1}, new float[]{6, 6}, new float[]{9, 9}),
                List.of("a", "a", "b"));
        assertEquals(2.0 / 3, r1, 1e-12);
    }

    @Test
    void recoveredShare() {
        assertEquals(2.0 / 3, RecoveredShare.of(0.8, 0.6, 0.9), 1e-12);
        assertEquals(-1.0 / 3, RecoveredShare.of(0.5, 0.6, 0.9), 1e-12);
        assertEquals(Double.NaN, RecoveredShare.of(0.8, 0.9, 0.9));
    }
}
