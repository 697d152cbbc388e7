package io.unveil.research.eval.occlusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.research.eval.occlusion.MaskedFaceLabels.Label;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskedFaceLabelsTest {
    private static MaskedFaceLabels parse(String s) throws Exception {
        return MaskedFaceLabels.read(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsLabelsAndRejectsMalformedLines() throws Exception {
        MaskedFaceLabels l = parse("file,label\na.jpg,masked\nb.jpg,Unmasked\n\nc.jpg,not-a-face\n");
        assertEquals(3, l.size());
        assertEquals(Label.MASKED, l.of("a.jpg"));
        assertEquals(Label.UNMASKED, l.of("b.jpg"));
        assertEquals(Label.NOT_A_FACE, l.of("c.jpg"));
        assertNull(l.of("d.jpg"));
        assertThrows(IllegalArgumentException.class, () -> parse("a.jpg,hat\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("a.jpg\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("a.jpg,masked\na.jpg,unmasked\n"));
    }

    @Test
    void bundledLabelsCoverTheDetectionsAndSplitInTwoHalves() {
        MaskedFaceLabels l = MaskedFaceLabels.bundled();
        assertEquals(451, l.size());
        assertEquals(Label.MASKED, l.of("0000_0000.jpg"));
        int[] halves = new int[2];
        for (int i = 0; i < 200; i++) halves[MaskedFaceLabels.half(String.format("%04d_%04d.jpg", i % 20, i))]++;
        assertTrue(halves[0] > 60 && halves[1] > 60, halves[0] + "/" + halves[1]);
    }
}
