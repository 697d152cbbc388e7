package io.unveil.research.train.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.unveil.core.model.Djl;
import org.junit.jupiter.api.Test;

class ContrastBankTest {
    // identities: rows 0 and 1 are person 0, row 2 person 1, row 3 person 2
    static final float[][] TEACHER = {{1, 0, 0}, {0.9f, 0.1f, 0}, {0, 1, 0}, {0, 0, 1}};
    static final int[] IDS = {0, 0, 1, 2};

    @Test
    void ownPhotoScoresLowLossAnotherPersonsHighAndTheSamePersonsOtherPhotosAreLeftOut() {
        ContrastBank bank = new ContrastBank(TEACHER, IDS, 0.1f);
        double own = bank.lossOf(TEACHER[0], 0);
        double other = bank.lossOf(TEACHER[2], 0);
        assertTrue(own < 0.5 && other > 5, own + " / " + other);
        // row 1 is the same person: looking like it costs nothing more than looking like row 0 would among negatives
        double sibling = bank.lossOf(TEACHER[1], 0);
        assertTrue(sibling < other, sibling + " vs " + other);
        // with row 1 as a negative the sibling's loss would be far higher: the exclusion is what keeps it low
        ContrastBank noExclusion = new ContrastBank(TEACHER, new int[]{0, 3, 1, 2}, 0.1f);
        assertTrue(noExclusion.lossOf(TEACHER[1], 0) > sibling + 0.5, noExclusion.lossOf(TEACHER[1], 0) + " vs " + sibling);
        assertThrows(IllegalArgumentException.class, () -> new ContrastBank(TEACHER, IDS, 0f));
    }

    @Test
    void theGraphFormAgreesWithTheReferenceAndSkipsCleanRows() {
        Djl.init();
        ContrastBank bank = new ContrastBank(TEACHER, IDS, 0.2f);
        float[][] student = {{0.5f, 0.4f, 0.1f}, {0.1f, 0.2f, 0.9f}, {0.3f, 0.3f, 0.3f}};
        int[] face = {0, 3, 2};
        boolean[] clean = {false, false, true};
        try (NDManager m = NDManager.newBaseManager()) {
            float[] flat = new float[9];
            for (int i = 0; i < 3; i++) System.arraycopy(student[i], 0, flat, 3 * i, 3);
            NDArray d = m.create(flat, new Shape(3, 3));
            float got = bank.loss(m, d, face, clean).getFloat();
            double want = (bank.lossOf(student[0], 0) + bank.lossOf(student[1], 3)) / 2;
            assertEquals(want, got, 1e-4);
            assertNull(bank.loss(m, d, face, new boolean[]{true, true, true}), "no occluded row: no term");
        }
    }
}
