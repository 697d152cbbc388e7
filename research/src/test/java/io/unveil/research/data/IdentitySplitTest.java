package io.unveil.research.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentitySplitTest {
    @Test
    void validationIdentitiesSplitIntoAChooseAndAConfirmHalfThatNeverMove() {
        int validation = 0, choose = 0;
        for (int i = 0; i < 4000; i++) {
            String id = "person-" + i;
            IdentitySplit.Half h = IdentitySplit.half("some-set", id);
            if (IdentitySplit.of("some-set", id) == IdentitySplit.Part.TRAIN) {
                assertNull(h, id + " trains: it belongs to neither half");
                assertTrue(IdentitySplit.Subset.ALL.contains("some-set", id));
                assertTrue(!IdentitySplit.Subset.VALIDATION_CHOOSE.contains("some-set", id)
                        && !IdentitySplit.Subset.VALIDATION_CONFIRM.contains("some-set", id));
                continue;
            }
            validation++;
            assertNotNull(h);
            assertEquals(h, IdentitySplit.half("some-set", id), "a fixed hash, no seed");
            assertTrue(IdentitySplit.Subset.VALIDATION.contains("some-set", id));
            assertEquals(h == IdentitySplit.Half.CHOOSE, IdentitySplit.Subset.VALIDATION_CHOOSE.contains("some-set", id));
            assertEquals(h == IdentitySplit.Half.CONFIRM, IdentitySplit.Subset.VALIDATION_CONFIRM.contains("some-set", id));
            if (h == IdentitySplit.Half.CHOOSE) choose++;
        }
        // 30% of 4000 validation identities (sd ~29), half of them choosing (sd ~17)
        assertEquals(1200, validation, 120);
        assertEquals(validation / 2.0, choose, 70);
    }

    @Test
    void theHalvesAreNotTheTrainSplitAgain() {
        // a second hash with its own salt: the half must not follow the first hash's bucket order
        int agree = 0, n = 0;
        for (int i = 0; i < 4000; i++) {
            String id = "p" + i;
            if (IdentitySplit.half("s", id) == null) continue;
            n++;
            if ((IdentitySplit.bucket("s/" + id) < 85) == (IdentitySplit.half("s", id) == IdentitySplit.Half.CHOOSE)) agree++;
        }
        assertEquals(n / 2.0, agree, 0.08 * n);
    }
}
