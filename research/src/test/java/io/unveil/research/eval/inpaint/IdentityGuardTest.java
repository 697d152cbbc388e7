package io.unveil.research.eval.inpaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.research.data.IdentitySplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityGuardTest {
    @TempDir
    Path dir;

    private ModelCard card(String text) throws Exception {
        Path f = dir.resolve("idgan.md");
        Files.writeString(f, text);
        return ModelCard.read(f);
    }

    private static List<String> ids(IdentitySplit.Part part, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) if (IdentitySplit.of("celeba-subset", "p" + i) == part) out.add("p" + i);
        return out;
    }

    @Test
    void splitRuleAllowsValidationAndRefusesTrainIdentities() throws Exception {
        ModelCard c = card("# ID-GAN\n\n- **Training data**: `../shared/data/celeba-subset`\n- training-identities: IdentitySplit TRAIN\n");
        assertEquals(Set.of("celeba-subset"), c.datasets());
        assertTrue(c.splitTrainRule());
        assertEquals(1, IdentityGuard.check("celeba-subset", ids(IdentitySplit.Part.VALIDATION, 20), List.of(c)).size());
        List<String> mixed = new ArrayList<>(ids(IdentitySplit.Part.VALIDATION, 5));
        mixed.add(ids(IdentitySplit.Part.TRAIN, 1).get(0));
        assertThrows(IdentityGuard.Refused.class, () -> IdentityGuard.check("celeba-subset", mixed, List.of(c)));
        // another set's people are not the training people
        IdentityGuard.check("orl", List.of("s1", "s2"), List.of(c));
    }

    @Test
    void explicitListsAndUnreadableCards() throws Exception {
        ModelCard listed = card("| key | value |\n|---|---|\n| training-data | orl |\n| training-identities | s1, s2 |\n");
        assertEquals(Set.of("s1", "s2"), listed.identities());
        assertThrows(IdentityGuard.Refused.class, () -> IdentityGuard.check("orl", List.of("s2", "s9"), List.of(listed)));
        IdentityGuard.check("orl", List.of("s3", "s9"), List.of(listed));
        ModelCard vague = card("# A model\nTrained on some faces for 10 epochs.\n");
        assertFalse(vague.readable());
        assertThrows(IdentityGuard.Refused.class, () -> IdentityGuard.check("orl", List.of("s3"), List.of(vague)));
    }

    @Test
    void readsTheProjectsModelCardStyle() throws Exception {
        // the style of the committed parsing-net card (inpaint/src/main/resources/io/unveil/inpaint/parsing/MODEL_CARD.md)
        ModelCard c = card("""
                # Model card: parsing net S (ID-GAN structure player)

                - Data: `../shared/data/celeba-subset`, detected + aligned once by the detector's `AlignedFaceCache` (FACE_128,
                  4,339 of 4,767 photos had a face); TRAIN identities of `IdentitySplit` only; flip / shift +-6 px applied.
                - Validation (200 faces of VALIDATION identities, against their landmark labels): pixel accuracy 0.789.
                """);
        assertTrue(c.splitTrainRule());
        assertEquals(Set.of("celeba-subset"), c.datasets());
        IdentityGuard.check("celeba-subset", ids(IdentitySplit.Part.VALIDATION, 10), List.of(c));
        assertThrows(IdentityGuard.Refused.class, () -> IdentityGuard.check("celeba-subset", ids(IdentitySplit.Part.TRAIN, 1), List.of(c)));
    }

    @Test
    void proseMentionOfTheSplitCounts() throws Exception {
        ModelCard c = card("Trained on the TRAIN identities of celeba-subset (io.unveil.research.data.IdentitySplit).\n");
        assertTrue(c.readable());
        assertEquals(Set.of("celeba-subset"), c.datasets());
    }
}
