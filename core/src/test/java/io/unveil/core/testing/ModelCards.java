package io.unveil.core.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.model.WeightFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks that a committed weight file is in the project's format ({@link WeightFile}) and that the
 * {@code MODEL_CARD.md} beside it states its sha256 and its size in bytes (as 1,234,567).
 */
public final class ModelCards {
    private ModelCards() {
    }

    /** @param resource absolute class-path resource of the weight file, e.g. {@code /io/unveil/inpaint/occlusion/occlusion-unet.bin} */
    public static void assertDescribedByItsCard(String resource) throws IOException, NoSuchAlgorithmException {
        byte[] weights = bytes(resource);
        WeightFile.read(new ByteArrayInputStream(weights)); // throws when not in the format
        String card = new String(bytes(resource.substring(0, resource.lastIndexOf('/') + 1) + "MODEL_CARD.md"), StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        String size = String.format(Locale.ROOT, "%,d", weights.length);
        assertTrue(card.contains(sha), resource + ": the model card beside it does not state its sha256 " + sha);
        assertTrue(card.contains(size), resource + ": the model card beside it does not state its size " + size);
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = ModelCards.class.getResourceAsStream(resource)) {
            assertNotNull(in, "no resource " + resource);
            return in.readAllBytes();
        }
    }
}
