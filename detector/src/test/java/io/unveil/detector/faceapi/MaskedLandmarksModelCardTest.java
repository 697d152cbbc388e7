package io.unveil.detector.faceapi;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MaskedLandmarksModelCardTest {
    /** The bundled fine-tuned weights are the file the model card describes (its sha256) and the card says how it was made. */
    @Test
    void theBundledWeightsMatchTheirModelCard() throws Exception {
        byte[] weights, card;
        try (InputStream w = FaceLandmark68Net.class.getResourceAsStream(FaceLandmark68Net.MASKED_RESOURCE);
             InputStream c = FaceLandmark68Net.class.getResourceAsStream("/io/unveil/detector/faceapi/MODEL_CARD.md")) {
            assertNotNull(w, "bundled " + FaceLandmark68Net.MASKED_RESOURCE);
            assertNotNull(c, "MODEL_CARD.md beside it");
            weights = w.readAllBytes();
            card = c.readAllBytes();
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        String text = new String(card, StandardCharsets.UTF_8);
        assertTrue(text.contains("sha256: " + sha), "MODEL_CARD.md states the bundled file's sha256 " + sha);
        assertTrue(text.contains("unveil train landmarks") && text.contains("IdentitySplit TRAIN"),
                "the card names the command and the training identities");
    }
}
