package io.unveil.research.eval.inpaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.research.data.IdentitySplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecsAndFilesTest {
    @TempDir
    Path dir;

    @Test
    void methodSpecsAlwaysStartWithGtAndOcc() throws Exception {
        Path model = Files.writeString(dir.resolve("gen.bin"), "x");
        List<MethodSpecs.Spec> s = MethodSpecs.parse(List.of("telea,ns", "ID-GAN=" + model));
        assertEquals(List.of("GT", "OCC", "Telea", "NS", "ID-GAN"), s.stream().map(MethodSpecs.Spec::name).toList());
        assertEquals(model, s.get(4).model());
        assertThrows(IllegalArgumentException.class, () -> MethodSpecs.parse(List.of("photoshop")));
        assertThrows(IllegalArgumentException.class, () -> MethodSpecs.parse(List.of("x=" + dir.resolve("missing.bin"))));
    }

    @Test
    void idganIsTheCommittedGeneratorWithItsShippedCard() {
        List<MethodSpecs.Spec> s = MethodSpecs.parse(List.of("telea,idgan"));
        assertEquals(List.of("GT", "OCC", "Telea", "ID-GAN"), s.stream().map(MethodSpecs.Spec::name).toList());
        assertTrue(s.get(3).shippedGenerator() && !s.get(2).shippedGenerator());
        ModelCard card = ModelMethods.shippedCard();
        assertTrue(card.readable() && card.splitTrainRule(), card.toString());
        assertTrue(card.datasets().contains("celeba-subset"), card.toString());
        // the guard accepts VALIDATION identities and refuses a TRAIN one of the set it trained on
        String train = null, validation = null;
        for (int i = 0; train == null || validation == null; i++) {
            String id = "celeba-" + i;
            if (IdentitySplit.isTrain("celeba-subset", id)) train = train == null ? id : train;
            else validation = validation == null ? id : validation;
        }
        IdentityGuard.check("celeba-subset", Set.of(validation), List.of(card));
        String t = train;
        assertThrows(IdentityGuard.Refused.class, () -> IdentityGuard.check("celeba-subset", Set.of(t), List.of(card)));
    }

    @Test
    void priorIdganIsTheServedGeneratorWithTheCardsOfTheGeneratorAndThePrior() {
        List<MethodSpecs.Spec> s = MethodSpecs.parse(List.of("prior-idgan,idgan"));
        assertEquals(List.of("GT", "OCC", "ID-GAN-prior", "ID-GAN"), s.stream().map(MethodSpecs.Spec::name).toList());
        assertTrue(s.get(2).shippedGenerator() && s.get(2).usesPrior(), "the ID-GAN card and the prior's card guard it");
        assertTrue(s.get(3).shippedGenerator() && !s.get(3).usesPrior());
    }

    @Test
    void modelCardIsFoundBesideTheModel() throws Exception {
        Path model = Files.writeString(dir.resolve("generator.bin"), "x");
        assertTrue(ModelCard.beside(model).isEmpty());
        Files.writeString(dir.resolve("MODEL_CARD.md"), "training-identities: IdentitySplit TRAIN\n");
        assertEquals(dir.resolve("MODEL_CARD.md"), ModelCard.beside(model).orElseThrow());
        Files.writeString(dir.resolve("generator.md"), "card");
        assertEquals(dir.resolve("generator.md"), ModelCard.beside(model).orElseThrow());
    }

    @Test
    void lfwPairsTxt() throws Exception {
        Path p = Files.writeString(dir.resolve("pairs.txt"), """
                2\t1
                Abel_Pacheco\t1\t4
                Abel_Pacheco\t1\tAbid_Hamid\t2
                Zico\t2\t3
                Zach_Pillar\t1\tZico\t1
                """);
        List<LfwPairsFile.Entry> e = LfwPairsFile.read(p, dir);
        assertEquals(4, e.size());
        assertEquals(dir.resolve("Abel_Pacheco/Abel_Pacheco_0004.jpg"), e.get(0).fileB());
        assertTrue(e.get(0).same());
        assertEquals("Abid_Hamid", e.get(1).identityB());
        assertEquals(1, e.get(3).fold());
        Files.writeString(p, "2\t1\nAbel_Pacheco\t1\t4\n");
        assertThrows(IllegalArgumentException.class, () -> LfwPairsFile.read(p, dir));
    }
}
