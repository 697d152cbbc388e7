package io.unveil.research.train.idgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientSpikeGuardTest {
    @Test
    void refusesSpikesAndNonFiniteNormsButFollowsADrift() {
        GradientSpikeGuard guard = new GradientSpikeGuard(20, 200);
        Random r = new Random(1);
        for (int i = 0; i < GradientSpikeGuard.MIN_HISTORY; i++) assertTrue(guard.accept(100 + r.nextGaussian() * 10));
        assertFalse(guard.accept(1e7), "a spike 100,000x the recent norms");
        assertFalse(guard.accept(Double.NaN));
        assertFalse(guard.accept(Double.POSITIVE_INFINITY));
        assertTrue(guard.accept(1500), "15x the median is within the factor");
        // a slow drift upwards is followed: the median moves with the window
        double norm = 100;
        for (int i = 0; i < 2000; i++) {
            norm *= 1.003;
            assertTrue(guard.accept(norm), "step " + i);
        }
        assertTrue(guard.median() > 20 * 100);
        assertFalse(guard.accept(guard.median() * 25));
    }

    @Test
    void beforeEnoughHistoryOnlyNonFiniteNormsAreRefused() {
        GradientSpikeGuard guard = new GradientSpikeGuard(20, 100);
        assertTrue(guard.accept(1));
        assertTrue(guard.accept(1e9));
        assertFalse(guard.accept(Double.NaN));
        GradientSpikeGuard off = new GradientSpikeGuard(0, 100);
        for (int i = 0; i < 50; i++) off.accept(1);
        assertTrue(off.accept(1e12), "factor 0 keeps only the NaN/Inf guard");
        assertEquals(1.0, off.median());
    }
}
